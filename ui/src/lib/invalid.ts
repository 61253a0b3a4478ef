// After a refused submit, one behaviour for every form: focus goes to the first field in error
// and a polite live region names every field in error with its message (ErrorSummary.svelte).
// Read from the DOM that FieldShell writes (aria-invalid, the label, the `<id>-error` text), so
// any form of Field/SelectField/TextAreaField/CourtPicker gets it without listing its fields.

export type InvalidField = {
  control: HTMLElement;
  /** The field's label as shown. */
  label: string;
  /** Its error as shown under it. */
  message: string;
};

function labelOf(control: HTMLElement): string {
  const labels = (control as HTMLInputElement).labels;
  const text = labels && labels.length > 0 ? labels[0].textContent : control.getAttribute("aria-label");
  return (text ?? control.getAttribute("name") ?? "").trim();
}

/** The fields in error inside `root`, in the order they appear. */
export function invalidFields(root: ParentNode): InvalidField[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[aria-invalid="true"]')).map((control) => ({
    control,
    label: labelOf(control),
    message: (control.id ? document.getElementById(`${control.id}-error`)?.textContent : "")?.trim() ?? "",
  }));
}
