import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { SessionProvider } from './session';
import './styles/base.css';
import './styles/controls.css';
import './styles/data.css';
import './styles/hiring.css';
import './styles/coaching.css';
import './styles/rating.css';
import './styles/alerts.css';
import './styles/take.css';
import './styles/knowledge.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
