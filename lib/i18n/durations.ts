/** A short, language-neutral duration: "45 min", "5 h", "3 d" (the units read the same in zh-CN). */
export function shortDuration(ms: number, locale: string): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const zh = locale.startsWith("zh");
  if (minutes < 60) return zh ? `${minutes} 分钟` : `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return zh ? `${hours} 小时` : `${hours} h`;
  const days = Math.round(hours / 24);
  return zh ? `${days} 天` : `${days} d`;
}
