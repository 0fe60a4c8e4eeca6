import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { bootstrap } from './app-actions';
import { Canvas } from './canvas/Canvas';
import { Toolbar } from './canvas/Toolbar';
import { DatasetView } from './dataset/DatasetView';
import { ChoiceDialog } from './dialogs/ChoiceDialog';
import { DraftNotice } from './drafts/DraftNotice';
import { Inspector } from './inspector/Inspector';
import { IssueList } from './issues/IssueList';
import { RunPanel } from './run/RunPanel';
import { Palette } from './sidebar/Palette';
import { WorkflowList } from './sidebar/WorkflowList';
import { StatusBanner } from './StatusBanner';
import { useAppStore } from './store/use-app-store';
import { useDocumentValidation } from './use-document-validation';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

type Tab = 'inspect' | 'run' | 'dataset';

export function App() {
  const [tab, setTab] = useState<Tab>('inspect');
  const runId = useAppStore((state) => state.run.runId);
  useDocumentValidation();
  useKeyboardShortcuts();
  useEffect(() => void bootstrap(), []);
  // A started or opened run brings its trace into view.
  useEffect(() => {
    if (runId) setTab('run');
  }, [runId]);

  return (
    <ReactFlowProvider>
      <div className="app">
        <StatusBanner />
        <ChoiceDialog />
        <aside className="sidebar">
          <div className="brand">Trellis</div>
          <WorkflowList />
          <Palette />
        </aside>
        <main className="main">
          <Toolbar />
          <DraftNotice />
          <Canvas />
          <IssueList />
        </main>
        <aside className="panel">
          <nav className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'inspect'} data-testid="tab-inspect" onClick={() => setTab('inspect')}>
              Inspector
            </button>
            <button type="button" role="tab" aria-selected={tab === 'run'} data-testid="tab-run" onClick={() => setTab('run')}>
              Run
            </button>
            <button type="button" role="tab" aria-selected={tab === 'dataset'} data-testid="tab-dataset" onClick={() => setTab('dataset')}>
              Dataset
            </button>
          </nav>
          {/* All stay mounted so the run input and the chosen dataset survive switching tabs. */}
          <div className="panel__body" hidden={tab !== 'inspect'}>
            <Inspector />
          </div>
          <div className="panel__body" hidden={tab !== 'run'}>
            <RunPanel />
          </div>
          <div className="panel__body" hidden={tab !== 'dataset'}>
            <DatasetView onOpenRun={() => setTab('run')} />
          </div>
        </aside>
      </div>
    </ReactFlowProvider>
  );
}
