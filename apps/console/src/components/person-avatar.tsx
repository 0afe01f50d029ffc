import { Avatar } from 'antd';
import { useState } from 'react';
import { avatarColor, avatarSrc, initialsOf } from '../lib/avatar.ts';

// Images that failed once in this page's life: a list rendered again (paging back, a refetch)
// shows the initials at once instead of waiting for the same image to fail again.
const failed = new Set<string>();

/** A person's avatar over https, falling back to their initials when there is none or it fails. */
export function PersonAvatar({ name, url, size }: { name: string; url: string | null | undefined; size?: number }) {
  const src = avatarSrc(url);
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const showImage = src !== null && src !== brokenSrc && !failed.has(src);
  return (
    <Avatar
      src={showImage ? src : undefined}
      alt={name}
      size={size}
      style={showImage ? undefined : { background: avatarColor(name) }}
      data-testid="person-avatar"
      data-fallback={showImage ? undefined : 'initials'}
      onError={() => {
        if (src) {
          failed.add(src);
          setBrokenSrc(src);
        }
        return true; // let antd drop the <img> and show the initials
      }}
    >
      {initialsOf(name)}
    </Avatar>
  );
}
