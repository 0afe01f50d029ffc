// How big an order-export upload may be, and whether the disk can take it — decided from the
// request's Content-Length before a byte is written, so a refused upload leaves nothing behind.
import fs from 'node:fs';
import { AppError } from '../../core/index.ts';

// A Taobao 订单报表 row is ~300 bytes: 1 GB is over 3 million orders, more than one back-office
// export holds; a Taobao export is two files (订单报表 + 宝贝报表), sometimes a few months at once.
export const UPLOAD_LIMITS = { fileBytes: 1024 ** 3, totalBytes: 2 * 1024 ** 3, files: 6 } as const;

const gb = (n: number) => `${(n / 1024 ** 3).toFixed(n >= 1024 ** 3 ? 0 : 1)} GB`;

/** Free bytes for an unprivileged writer on the filesystem holding `dir` (its nearest existing parent). */
export function freeBytes(dir: string): number {
  let d = dir;
  while (!fs.existsSync(d)) d = d.slice(0, Math.max(1, d.lastIndexOf('/')));
  const s = fs.statfsSync(d);
  return s.bavail * s.bsize;
}

/** Throws a clear refusal when the declared upload is too large or would leave the disk short. */
export function checkUpload(contentLength: number | null, free: number, reserveBytes: number): void {
  if (contentLength === null) throw new AppError('VALIDATION_FAILED', '上传请求缺少 Content-Length，无法预先检查大小；请用浏览器或 curl 上传');
  if (contentLength > UPLOAD_LIMITS.totalBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `一次导入的文件合计不能超过 ${gb(UPLOAD_LIMITS.totalBytes)}（本次 ${gb(contentLength)}）；请按时间分几次导出导入`);
  }
  if (contentLength + reserveBytes > free) {
    throw new AppError('INSUFFICIENT_STORAGE', `服务器磁盘空间不足：本次上传 ${gb(contentLength)}，可用 ${gb(Math.max(0, free - reserveBytes))}（另需保留 ${gb(reserveBytes)} 给数据库）；请清理磁盘后重试`,
      { freeBytes: free, reserveBytes });
  }
}
