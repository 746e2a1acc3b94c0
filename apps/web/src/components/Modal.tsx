import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

/**
 * A modal dialog: a backdrop that closes it on click, Escape to close, focus moved into the dialog on open (to
 * `initialFocus`) and back to where it was on close. The title element with id `labelledBy` names the dialog.
 */
export function Modal({ labelledBy, className, initialFocus, onClose, children }: { labelledBy: string; className?: string; initialFocus: RefObject<HTMLElement | null>; onClose: () => void; children: ReactNode }) {
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    returnFocus.current = document.activeElement;
    initialFocus.current?.focus();
    return () => {
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    };
  }, [initialFocus]);

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className={['modal', className].filter(Boolean).join(' ')}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        {children}
      </div>
    </div>
  );
}
