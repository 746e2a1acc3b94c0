import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18n } from '../i18n/index.ts';

interface ErrorBoundaryState {
  failed: boolean;
}

/**
 * Keeps the header and navigation usable when a page crashes or its code cannot be loaded (for example after a
 * new release replaced the chunk), instead of leaving a blank screen.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="page page--narrow">
        <h1>{i18n.t('crash.title')}</h1>
        <p>{i18n.t('crash.body')}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {i18n.t('crash.reload')}
        </button>
      </div>
    );
  }
}
