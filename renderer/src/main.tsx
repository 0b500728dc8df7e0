import './zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import './styles/fonts.css';
import './styles/theme.css';
import './styles/app.css';

// Ukrainian until app.state says otherwise; the first render already goes through i18n.
initI18n('uk');

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
