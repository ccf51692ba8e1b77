/** The spec's emergency notice, shown on every form. */
export function EmergencyNotice({ text }: { text: string }) {
  return (
    <div className="notice notice--warning" role="note">
      <strong>{text}</strong>
    </div>
  );
}
