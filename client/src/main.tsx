import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { autosaveDrafts } from './drafts/autosave-drafts';
import { clearFieldDraftsOnOpen } from './drafts/field-drafts';
import { appStore } from './store/use-app-store';
import './styles/app.css';

autosaveDrafts(appStore, localStorage);
clearFieldDraftsOnOpen(appStore);

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
