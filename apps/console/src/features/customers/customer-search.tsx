import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { value: string | undefined; onSearch: (q: string) => void };

const DEBOUNCE_MS = 400;

/** Searches as the user pauses typing (or at once on Enter), not on every keystroke. */
export function CustomerSearch({ value, onSearch }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');

  // Follow the URL when it changes from outside (back button, cleared filters).
  useEffect(() => setText(value ?? ''), [value]);

  useEffect(() => {
    if (text.trim() === (value ?? '')) return;
    const timer = setTimeout(() => onSearch(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <Input
      value={text}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => onSearch(text)}
      prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
      placeholder={t('customers.searchPlaceholder')}
      allowClear
      maxLength={100}
      style={{ width: 320 }}
      data-testid="customer-search"
    />
  );
}
