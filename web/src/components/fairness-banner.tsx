import { useEffect, useState } from 'react';
import { api, type FairnessAlert } from '../api';
import { Link } from '../router';
import { useApi } from '../use-api';

/**
 * The open fairness alerts, on every page for admins and auditors: what fell under 0.8, a link
 * to the audit, and Acknowledge. Nothing shows while there is none (or while it loads). Asks
 * again every minute, as often as the server's monitor checks by default.
 */
export function FairnessBanner() {
  const alerts = useApi(() => api.fairness.openAlerts(), []);
  const { reload } = alerts;
  useEffect(() => {
    const timer = setInterval(reload, 60_000);
    return () => clearInterval(timer);
  }, [reload]);
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const open = alerts.data?.alerts ?? [];
  if (open.length === 0) return null;

  const acknowledge = async (alert: FairnessAlert) => {
    setBusy(alert.id);
    setFailed(null);
    try {
      await api.fairness.acknowledge(alert.id);
      alerts.setData({ alerts: open.filter((a) => a.id !== alert.id) });
    } catch {
      setFailed(alert.id);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="fairness-banner" role="alert" aria-label="Fairness alerts">
      <ul>
        {open.map((alert) => (
          <li key={alert.id}>
            <p>
              <strong>Fairness alert:</strong> {alert.message}. <Link to="/audit">Open the audit</Link>
            </p>
            <button
              type="button"
              className="button secondary small"
              disabled={busy === alert.id}
              onClick={() => void acknowledge(alert)}
            >
              Acknowledge
            </button>
            {failed === alert.id ? (
              <span className="fairness-banner-error">Not acknowledged; try again.</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
