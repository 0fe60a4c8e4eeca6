import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { NODE_SPECS } from '../../../shared/nodes';
import type { NodeType } from '../../../shared/workflow-types';
import { PALETTE_MIME } from '../canvas/palette-mime';
import { freeSpot } from '../store/free-spot';
import { appStore } from '../store/use-app-store';

const onDragStart = (type: NodeType) => (event: DragEvent) => {
  event.dataTransfer.setData(PALETTE_MIME, type);
  event.dataTransfer.effectAllowed = 'copy';
};

/** Node types to drag onto the canvas, or click to add at the centre of the view. */
export function Palette() {
  const flow = useReactFlow();
  const addAtCentre = (type: NodeType) => {
    const bounds = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const centre = bounds ? { x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 } : { x: 0, y: 0 };
    const position = flow.screenToFlowPosition(centre);
    const store = appStore.getState();
    // Repeated clicks must not stack nodes on top of each other (their handles would be hidden).
    store.addNode(type, freeSpot({ x: Math.round(position.x - 120), y: Math.round(position.y - 50) }, store.nodes));
  };
  return (
    <section className="sidebar__section">
      <h2>Nodes</h2>
      <ul className="palette">
        {NODE_SPECS.map((spec) => (
          <li key={spec.type}>
            <button
              type="button"
              className={`palette__item palette__item--${spec.type}`}
              data-testid={`palette-${spec.type}`}
              draggable
              onDragStart={onDragStart(spec.type)}
              onClick={() => addAtCentre(spec.type)}
              title={spec.description}
            >
              <span className="palette__swatch" />
              {spec.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
