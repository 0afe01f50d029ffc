import { LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import type { Me } from '@siyu/contracts';
import { Button, Layout, Menu, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { setLang } from '../../i18n/index.ts';
import { useLogout, useMe } from '../tenancy/auth.api.ts';
import { can } from '../tenancy/permissions.ts';
import { MENU, MENU_GROUPS, activeEntry, type MenuGroupKey } from './menu.tsx';

/** Every page but /login: requires a session, then draws the sider menu and the header. */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <Spin fullscreen />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Shell me={me.data} />;
}

function Shell({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const active = activeEntry(location.pathname);

  const items = useMemo<MenuProps['items']>(() => {
    const out: NonNullable<MenuProps['items']> = [];
    const groups = new Map<MenuGroupKey, { key: string; label: string; icon: React.ReactNode; children: { key: string; label: string; icon: React.ReactNode }[] }>();
    for (const e of MENU) {
      if (e.action && !can(me.role, e.action)) continue;
      const item = { key: e.path, label: t(e.label), icon: e.icon };
      if (!e.group) {
        out.push(item);
        continue;
      }
      let g = groups.get(e.group);
      if (!g) {
        g = { key: `group:${e.group}`, label: t(MENU_GROUPS[e.group].label), icon: MENU_GROUPS[e.group].icon, children: [] };
        groups.set(e.group, g);
        out.push(g);
      }
      g.children.push(item);
    }
    return out;
  }, [t, me.role]);

  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={208}
        theme="dark"
        // Sticky, so the menu stays in view on long tables.
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#fff', fontSize: 18, fontWeight: 600 }}>
          {collapsed ? t('app.short') : t('app.name')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={active ? [active.path] : []}
          defaultOpenKeys={active?.group ? [`group:${active.group}`] : []}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="tenant-name">
            {me.tenantName}
          </Typography.Text>
          <Space size="middle">
            <span data-testid="user-name">{me.name}</span>
            <Tag color="blue">{t(`role.${me.role}`)}</Tag>
            <Button type="text" size="small" icon={<TranslationOutlined />} onClick={() => setLang(i18n.language === 'zh-CN' ? 'en-US' : 'zh-CN')}>
              {t('common.language')}
            </Button>
            <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending} data-testid="logout">
              {t('shell.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
