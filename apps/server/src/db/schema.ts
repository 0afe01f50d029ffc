// The whole database as Kysely sees it: each module declares its own tables.
import type { CoreTables } from '../core/core.tables.ts';
import type { TenancyTables } from '../modules/tenancy/tenancy.tables.ts';
import type { CustomersTables } from '../modules/customers/customers.tables.ts';
import type { TaggingTables } from '../modules/tagging/tagging.tables.ts';
import type { ChannelTables } from '../modules/channel/channel.tables.ts';
import type { CommerceTables } from '../modules/commerce/commerce.tables.ts';

export type Database = CoreTables & TenancyTables & CustomersTables & TaggingTables & ChannelTables & CommerceTables;

import type { CustomersTable } from '../modules/customers/customers.tables.ts';
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
/**
 * A condition on the customer row aliased `c`: how other modules (tag filters, segments) add
 * their criteria to the customer list query without the customers module knowing their tables.
 */
export type CustomerCondition = (eb: ExpressionBuilder<Database & { c: CustomersTable }, 'c'>) => Expression<SqlBool>;
