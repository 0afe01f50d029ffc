import { Select } from 'antd';
import { useMemo } from 'react';
import { useTagGroups } from './tags.api.ts';

type Props = {
  value?: string[];
  onChange?: (ids: string[]) => void;
  placeholder?: string;
  /** Tags not to offer, e.g. the ones a customer already carries. */
  exclude?: string[];
  style?: React.CSSProperties;
  'data-testid'?: string;
};

/** Multi-select of tags grouped by tag group; used by the customer filter and "添加标签". */
export function TagSelect({ value, onChange, placeholder, exclude, style, 'data-testid': testId }: Props) {
  const groups = useTagGroups();
  const options = useMemo(() => {
    const skip = new Set(exclude ?? []);
    return (groups.data ?? [])
      .map((g) => ({
        label: g.name,
        title: g.name,
        options: g.tags.filter((tag) => !skip.has(tag.id)).map((tag) => ({ label: tag.name, value: tag.id })),
      }))
      .filter((g) => g.options.length > 0);
  }, [groups.data, exclude]);

  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      value={value}
      onChange={(ids) => onChange?.(ids)}
      placeholder={placeholder}
      options={options}
      loading={groups.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      maxTagCount="responsive"
      style={style}
      data-testid={testId}
    />
  );
}
