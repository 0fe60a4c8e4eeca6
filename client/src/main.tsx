import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { autosaveDrafts } from './drafts/autosave-drafts';
import { appStore } from './store/use-app-store';
import './styles/app.css';

autosaveDrafts(appStore, localStorage);

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
