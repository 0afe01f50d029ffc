// The words of a refused request: Chinese unless the caller asks for English (the console sends its
// UI language as Accept-Language). zod's own messages are English ("Invalid input: expected
// string, received number") and its zh-CN locale leaves type names in English, so the common
// cases are worded here and the rest falls back to zod's locale for that language.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { englishOf } from '@siyu/contracts';

export type Lang = 'zh' | 'en';

/** Chinese by default: English only when English is preferred over Chinese in Accept-Language. */
export function requestLang(req: Pick<FastifyRequest, 'headers'>): Lang {
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return 'zh';
  const ranked = header.split(',').map((part, i) => {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, i };
  }).filter((r) => (r.lang === 'zh' || r.lang === 'en') && r.q > 0);
  ranked.sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === 'en' ? 'en' : 'zh';
}

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  zh: { string: '文本', number: '数字', int: '整数', bigint: '整数', boolean: '布尔值（true 或 false）', array: '数组', object: '对象', date: '日期', null: 'null' },
  en: { string: 'text', number: 'a number', int: 'a whole number', bigint: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object', date: 'a date', null: 'null' },
};

const FORMAT_NAMES: Record<Lang, Record<string, string>> = {
  zh: { email: '邮箱地址', url: '网址', uuid: 'ID', datetime: '日期时间', date: '日期', regex: '' },
  en: { email: 'an email address', url: 'a web address', uuid: 'an ID', datetime: 'a date and time', date: 'a date', regex: '' },
};

const list = (values: unknown[], lang: Lang) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(lang === 'zh' ? '、' : ', ');

function zhMessage(iss: Issue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return '必填';
      return TYPE_NAMES.zh[iss.expected] ? `应为${TYPE_NAMES.zh[iss.expected]}` : undefined;
    case 'too_small': {
      const min = Number(iss.minimum);
      if (iss.origin === 'string') return min === 1 ? '不能为空' : `至少 ${min} 个字符`;
      if (iss.origin === 'array' || iss.origin === 'set') return `至少 ${min} 项`;
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint') return iss.inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
      return undefined;
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      if (iss.origin === 'string') return `不能超过 ${max} 个字符`;
      if (iss.origin === 'array' || iss.origin === 'set') return `最多 ${max} 项`;
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint') return iss.inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
      return undefined;
    }
    case 'invalid_value':
      return iss.values.length === 1 ? `应为 ${list(iss.values, 'zh')}` : `应为以下之一：${list(iss.values, 'zh')}`;
    case 'invalid_format': {
      const name = FORMAT_NAMES.zh[iss.format];
      return name === undefined ? undefined : name ? `不是有效的${name}` : '格式不正确';
    }
    case 'unrecognized_keys':
      return `不支持的字段：${list(iss.keys, 'zh')}`;
    case 'invalid_union':
      return '格式不正确';
    default:
      return undefined;
  }
}

function enMessage(iss: Issue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'Required';
      return TYPE_NAMES.en[iss.expected] ? `Should be ${TYPE_NAMES.en[iss.expected]}` : undefined;
    case 'too_small': {
      const min = Number(iss.minimum);
      if (iss.origin === 'string') return min === 1 ? 'Must not be empty' : `At least ${min} characters`;
      if (iss.origin === 'array' || iss.origin === 'set') return `At least ${min} items`;
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint') return iss.inclusive ? `Must be at least ${min}` : `Must be more than ${min}`;
      return undefined;
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      if (iss.origin === 'string') return `At most ${max} characters`;
      if (iss.origin === 'array' || iss.origin === 'set') return `At most ${max} items`;
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint') return iss.inclusive ? `Must be at most ${max}` : `Must be less than ${max}`;
      return undefined;
    }
    case 'invalid_value':
      return iss.values.length === 1 ? `Should be ${list(iss.values, 'en')}` : `Should be one of: ${list(iss.values, 'en')}`;
    case 'invalid_format': {
      const name = FORMAT_NAMES.en[iss.format];
      return name === undefined ? undefined : name ? `Not ${name}` : 'Wrong format';
    }
    case 'unrecognized_keys':
      return `Unsupported fields: ${list(iss.keys, 'en')}`;
    case 'invalid_union':
      return 'Wrong format';
    default:
      return undefined;
  }
}

const FALLBACK = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

export type LocalizedIssue = { path: string; message: string; own: boolean };

/**
 * Parses `data` again with `schema`, worded in `lang`. A message the schema wrote itself (a
 * contracts `msg`) outranks these words in zod, stays as written in Chinese, and is swapped for its
 * English twin when there is one; `own` marks those, since they read well without the field's path.
 */
export function localizedIssues(schema: z.core.$ZodType, data: unknown, lang: Lang): LocalizedIssue[] | null {
  const ours = new Set<string>();
  const wording = (iss: Issue) => {
    const m = (lang === 'zh' ? zhMessage(iss) : enMessage(iss)) ?? unwrap(FALLBACK[lang](iss));
    if (m) ours.add(m);
    return m;
  };
  const result = z.safeParse(schema, data, { error: wording });
  if (result.success) return null; // nothing to reword (a refusal that does not come from this schema)
  return result.error.issues.map((i) => {
    const own = !ours.has(i.message);
    return { path: i.path.map(String).join('.'), message: own && lang === 'en' ? (englishOf(i.message) ?? i.message) : i.message, own };
  });
}

function unwrap(m: ReturnType<z.core.$ZodErrorMap>): string | undefined {
  return typeof m === 'string' ? m : m?.message;
}

/** The one line a person reads: the first issue, with its field unless the schema wrote it for people. */
export function validationMessage(issues: LocalizedIssue[], lang: Lang): string {
  const first = issues[0];
  const head = lang === 'zh' ? '请求参数不正确' : 'Invalid request';
  if (!first) return head;
  const detail = first.own || !first.path ? first.message : lang === 'zh' ? `${first.path} ${first.message}` : `${first.path}: ${first.message}`;
  return lang === 'zh' ? `${head}：${detail}` : `${head}: ${detail}`;
}
