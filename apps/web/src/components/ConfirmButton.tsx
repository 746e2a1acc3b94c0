/**
 * A link-style button that asks "are you sure?" (the browser's own dialog, keyboard and screen-reader friendly) before
 * it acts: for deleting a list, a plan or anything else that cannot be undone.
 */
export function ConfirmButton({ label, question, disabled = false, onConfirm }: { label: string; question: string; disabled?: boolean; onConfirm: () => void }) {
  return (
    <button
      type="button"
      className="button button--link"
      disabled={disabled}
      onClick={() => {
        if (window.confirm(question)) onConfirm();
      }}
    >
      {label}
    </button>
  );
}
