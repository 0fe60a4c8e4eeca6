import { useAppStore } from '../store/use-app-store';

/** Why the last imported file was refused, issue by issue. */
export function ImportReport() {
  const report = useAppStore((state) => state.importReport);
  const dismiss = useAppStore((state) => state.setImportReport);
  if (!report) return null;
  return (
    <div className="import-report" data-testid="import-issues" role="alert">
      <div className="import-report__title">
        <strong>{report.fileName}</strong> was not imported
        <button type="button" className="button button--link" onClick={() => dismiss(null)} aria-label="Dismiss">
          ×
        </button>
      </div>
      <ul>
        {[...report.errors, ...report.warnings].map((issue, index) => (
          <li key={index} className={`issue issue--${issue.severity}`}>
            <code>{issue.path || '/'}</code> {issue.message} <span className="issue__rule">{issue.rule}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
