import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import {
  admin,
  callDue,
  caseManager,
  childDetail,
  clinic,
  courtOptions,
  dashboardData,
  err,
  FakeIntersectionObserver,
  fieldsErr,
  languages,
  ok,
  pageSvg,
  printPreviewData,
  redactedChildDetail,
  volunteer,
  pagedCallQueue,
  calendarFrom,
} from "./mockBindings";
import { setLang } from "../lib/i18n/index.svelte";
import { resetReference } from "../lib/reference.svelte";
import { resetDashboard } from "../lib/followup.svelte";
import { axeFailures } from "./axe";

const mocks = vi.hoisted(() => {
  const progress: ((event: { payload: unknown }) => void)[] = [];
  return {
    progress,
    unlisten: vi.fn(),
    commands: {
      getChild: vi.fn(),
      listCourts: vi.fn(),
      listLanguages: vi.fn(),
      hearingsBetween: vi.fn(),
      hearingCalendar: vi.fn(),
      callsDue: vi.fn(),
      callsDuePage: vi.fn(),
      dashboard: vi.fn(),
      openFlagCount: vi.fn(),
      auditLog: vi.fn(),
      auditVerify: vi.fn(),
      setAutoLockMinutes: vi.fn(),
      printPreview: vi.fn(),
      printPage: vi.fn(),
      printPageText: vi.fn(),
      printSave: vi.fn(),
      printSaveEach: vi.fn(),
      printOpen: vi.fn(),
      printClose: vi.fn(),
      clinicContact: vi.fn(),
      setClinicContact: vi.fn(),
    },
  };
});
vi.mock("../lib/bindings", () => ({
  commands: mocks.commands,
  events: {
    printProgress: {
      listen: async (cb: (event: { payload: unknown }) => void) => {
        mocks.progress.push(cb);
        return () => {
          mocks.unlisten();
          const i = mocks.progress.indexOf(cb);
          if (i >= 0) mocks.progress.splice(i, 1);
        };
      },
    },
  },
}));

import CallQueue from "../screens/CallQueue.svelte";
import ChildDetail from "../screens/ChildDetail.svelte";
import Hearings from "../screens/Hearings.svelte";
import Settings from "../screens/Settings.svelte";
import Toast from "../lib/components/Toast.svelte";

const noop = () => {};

function emitProgress(stage: string, done: number, total: number) {
  for (const cb of [...mocks.progress]) cb({ payload: { stage, done, total } });
}

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Page `n`'s text as the backend sends it: its printed lines, one per line. */
function pageText(n: number): string {
  return [
    "Su audiencia en la corte de inmigración",
    "Menor José Ramírez",
    "Fecha miércoles, 4 de marzo de 2026 (2026-03-04)",
    `Página ${n}`,
  ].join("\n");
}

/** The page slots (the elements observed for lazy loading) of the open preview. */
function slots(): HTMLElement[] {
  return Array.from(screen.getByTestId("print-preview").querySelectorAll<HTMLElement>("[data-index]"));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2025, 5, 3, 12, 0));
  vi.stubGlobal("IntersectionObserver", FakeIntersectionObserver);
  FakeIntersectionObserver.reset();
  resetReference();
  resetDashboard();
  mocks.progress.length = 0;
  mocks.unlisten.mockReset();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.callsDuePage.mockImplementation(pagedCallQueue(mocks.commands.callsDue));
  mocks.commands.getChild.mockResolvedValue(ok(childDetail()));
  mocks.commands.listCourts.mockResolvedValue(courtOptions);
  mocks.commands.listLanguages.mockResolvedValue(languages);
  mocks.commands.hearingsBetween.mockResolvedValue(ok([]));
  mocks.commands.hearingCalendar.mockImplementation(calendarFrom(mocks.commands.hearingsBetween));
  mocks.commands.callsDue.mockResolvedValue(ok([callDue()]));
  mocks.commands.dashboard.mockResolvedValue(ok(dashboardData()));
  mocks.commands.openFlagCount.mockResolvedValue(ok(5));
  mocks.commands.auditLog.mockResolvedValue(ok([]));
  mocks.commands.printPreview.mockResolvedValue(ok(printPreviewData()));
  mocks.commands.printPage.mockImplementation(async (_job: number, page: number) => ok(pageSvg(page + 1)));
  mocks.commands.printPageText.mockImplementation(async (_job: number, page: number) => ok(pageText(page + 1)));
  mocks.commands.printClose.mockResolvedValue(undefined);
  mocks.commands.clinicContact.mockResolvedValue(ok(clinic));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function openDocuments(session = admin) {
  render(ChildDetail, { session, idOrCase: "2025-00001", onback: noop, onopen: vi.fn() });
  await fireEvent.click(await screen.findByTestId("tab-documents"));
  return screen.getByRole("tabpanel");
}

describe("Child detail: Documents tab", () => {
  it("opens the preview with the chosen language and layout", async () => {
    const panel = await openDocuments();
    expect(panel).toHaveAccessibleName("Documents");
    const lang = within(panel).getByTestId("print-lang");
    const layout = within(panel).getByTestId("print-layout");
    expect(lang).toHaveValue("en");
    expect(layout).toBeDisabled();
    expect(within(panel).getByTestId("print-notice")).toHaveTextContent("Hearing notice");
    expect(within(panel).getByTestId("print-nta-record")).toHaveTextContent("Record of NTA");
    expect(within(panel).getByTestId("print-reminder")).toHaveTextContent("Reminder letter");
    expect(within(panel).getByTestId("print-eoir33")).toHaveTextContent("EOIR-33 change of address");

    await fireEvent.change(lang, { target: { value: "both" } });
    expect(layout).toBeEnabled();
    await fireEvent.change(layout, { target: { value: "side_by_side" } });
    await fireEvent.click(within(panel).getByTestId("print-notice"));

    await waitFor(() => expect(mocks.commands.printPreview).toHaveBeenCalledTimes(1));
    expect(mocks.commands.printPreview).toHaveBeenCalledWith({
      document: "notice",
      child: "2025-00001",
      lang: "both",
      layout: "side_by_side",
      on: null,
      within_days: null,
    });
    const preview = screen.getByTestId("print-preview");
    expect(preview).toHaveAttribute("role", "dialog");
    expect(preview).toHaveAttribute("aria-modal", "true");
    expect(await within(preview).findByTestId("print-page-count")).toHaveTextContent("2 pages");
    expect(screen.getByRole("dialog", { name: "Hearing notice — 2025-00001" })).toBe(preview);
    expect(within(preview).queryByTestId("print-save-each")).toBeNull();
    expect(within(preview).getByText("Opens in your PDF viewer; print from there.")).toBeInTheDocument();
  });

  it("sends one language per page when a single language is chosen, whatever the layout select shows", async () => {
    const panel = await openDocuments(caseManager);
    await fireEvent.change(within(panel).getByTestId("print-lang"), { target: { value: "both" } });
    await fireEvent.change(within(panel).getByTestId("print-layout"), { target: { value: "side_by_side" } });
    await fireEvent.change(within(panel).getByTestId("print-lang"), { target: { value: "es" } });
    await fireEvent.click(within(panel).getByTestId("print-eoir33"));
    await waitFor(() =>
      expect(mocks.commands.printPreview).toHaveBeenCalledWith(
        expect.objectContaining({ document: "eoir33", child: "2025-00001", lang: "es", layout: "pages" }),
      ),
    );
  });

  it("loads pages only as they scroll into view and marks them loaded", async () => {
    mocks.commands.printPreview.mockResolvedValue(ok(printPreviewData({ page_count: 3 })));
    const panel = await openDocuments();
    await fireEvent.click(within(panel).getByTestId("print-reminder"));
    const preview = await screen.findByTestId("print-preview");
    await waitFor(() => expect(within(preview).getAllByTestId("print-page")).toHaveLength(3));
    const images = within(preview).getAllByTestId("print-page");
    expect(images.map((img) => img.getAttribute("data-page"))).toEqual(["0", "1", "2"]);
    // Placeholders keep the page's shape until the page arrives.
    expect(slots()[0].style.aspectRatio).toBe("612 / 792");
    expect(images[0]).toHaveAttribute("data-loaded", "false");
    expect(images[0]).not.toHaveAttribute("src");
    expect(mocks.commands.printPage).not.toHaveBeenCalled();

    FakeIntersectionObserver.scrollIntoView([slots()[0]]);
    await waitFor(() => expect(images[0]).toHaveAttribute("src"));
    expect(mocks.commands.printPage).toHaveBeenCalledTimes(1);
    expect(mocks.commands.printPage).toHaveBeenCalledWith(42, 0);
    expect(images[0].getAttribute("src")).toBe("data:image/svg+xml;charset=utf-8," + encodeURIComponent(pageSvg(1)));
    expect(mocks.commands.printPageText).toHaveBeenCalledWith(42, 0);
    await fireEvent.load(images[0]);
    expect(images[0]).toHaveAttribute("data-loaded", "true");
    expect(images[1]).toHaveAttribute("data-loaded", "false");
    expect(images[2]).not.toHaveAttribute("src");

    // Scrolling back and forth does not fetch a page twice.
    FakeIntersectionObserver.scrollIntoView([slots()[0], slots()[2]]);
    await waitFor(() => expect(mocks.commands.printPage).toHaveBeenCalledTimes(2));
    expect(mocks.commands.printPage).toHaveBeenLastCalledWith(42, 2);
    expect(mocks.commands.printPageText).toHaveBeenCalledTimes(2);
  });

  it("shows a landscape page (the call sheet) with its own aspect ratio", async () => {
    mocks.commands.printPreview.mockResolvedValue(
      ok(printPreviewData({ document: "call_sheet", case_number: null, page_count: 1, page_width_pt: 792, page_height_pt: 612 })),
    );
    render(CallQueue, { onopen: vi.fn() });
    await fireEvent.click(await screen.findByTestId("print-call-sheet"));
    expect(await screen.findByTestId("print-page-count")).toHaveTextContent("1 page");
    expect(slots()[0].style.aspectRatio).toBe("792 / 612");
  });

  it("marks a printout drawn from the clinic's own template, naming it, in both languages", async () => {
    mocks.commands.printPreview.mockResolvedValue(
      ok(printPreviewData({ document: "call_sheet", case_number: null, page_count: 1, custom_templates: ["call-sheet.typ"] })),
    );
    render(CallQueue, { onopen: vi.fn() });
    await fireEvent.click(await screen.findByTestId("print-call-sheet"));
    expect(await screen.findByTestId("print-custom-template")).toHaveTextContent("Custom template: call-sheet.typ");
    await fireEvent.click(screen.getByTestId("print-close"));

    setLang("es");
    await fireEvent.click(await screen.findByTestId("print-call-sheet"));
    expect(await screen.findByTestId("print-custom-template")).toHaveTextContent("Plantilla personalizada: call-sheet.typ");
  });

  it("shows no mark when only the shipped templates were used", async () => {
    mocks.commands.printPreview.mockResolvedValue(ok(printPreviewData({ document: "call_sheet", case_number: null, page_count: 1 })));
    render(CallQueue, { onopen: vi.fn() });
    await fireEvent.click(await screen.findByTestId("print-call-sheet"));
    expect(await screen.findByTestId("print-page-count")).toBeInTheDocument();
    expect(screen.queryByTestId("print-custom-template")).toBeNull();
  });

  it("saves the PDF and says where; a cancelled save dialog says nothing", async () => {
    render(Toast);
    mocks.commands.printSave
      .mockResolvedValueOnce(ok({ path: "/home/ana/Documents/notice-2025-00001.pdf", files: 1, chosen_path: null }))
      .mockResolvedValueOnce(ok(null));
    const panel = await openDocuments();
    await fireEvent.click(within(panel).getByTestId("print-notice"));
    const save = await screen.findByTestId("print-save");
    await waitFor(() => expect(save).toBeEnabled());

    await fireEvent.click(save);
    await waitFor(() => expect(mocks.commands.printSave).toHaveBeenCalledWith(42));
    expect(await screen.findByText("Saved to /home/ana/Documents/notice-2025-00001.pdf")).toBeInTheDocument();

    await waitFor(() => expect(save).toBeEnabled());
    await fireEvent.click(save);
    await waitFor(() => expect(mocks.commands.printSave).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(save).toBeEnabled());
    expect(screen.getAllByText(/^Saved to/)).toHaveLength(1);
  });

  it("opens the PDF in the system viewer to print it", async () => {
    mocks.commands.printOpen.mockResolvedValue(ok(null));
    const panel = await openDocuments();
    await fireEvent.click(within(panel).getByTestId("print-nta-record"));
    const print = await screen.findByTestId("print-open");
    await waitFor(() => expect(print).toBeEnabled());
    expect(print).toHaveTextContent("Print");
    expect(print).toHaveAccessibleDescription("Opens in your PDF viewer; print from there.");
    await fireEvent.click(print);
    await waitFor(() => expect(mocks.commands.printOpen).toHaveBeenCalledWith(42));
  });

  it("says which name it used when the chosen file existed (Tether never replaces one)", async () => {
    render(Toast);
    mocks.commands.printSave.mockResolvedValueOnce(
      ok({ path: "/home/ana/Documents/aviso-José (2).pdf", files: 1, chosen_path: "/home/ana/Documents/aviso-José.pdf" }),
    );
    const panel = await openDocuments();
    await fireEvent.click(within(panel).getByTestId("print-notice"));
    const save = await screen.findByTestId("print-save");
    await waitFor(() => expect(save).toBeEnabled());
    await fireEvent.click(save);
    expect(
      await screen.findByText(
        "/home/ana/Documents/aviso-José.pdf already exists and Tether never replaces a file, so the PDF was saved beside it as /home/ana/Documents/aviso-José (2).pdf.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/already exists; refusing/)).toBeNull();
  });

  it("without a PDF viewer says so in the reader's language and offers Save PDF, never the exit status", async () => {
    const noViewer = err("internal", "no PDF viewer could be opened for /run/user/1000/tether-print/nta.pdf (ExitStatus(unix_wait_status(512))); use Save PDF and open the file yourself", null, [], {
      code: "no_pdf_viewer",
      params: {},
    });
    mocks.commands.printOpen.mockResolvedValue(noViewer);
    const panel = await openDocuments();
    await fireEvent.click(within(panel).getByTestId("print-nta-record"));
    const print = await screen.findByTestId("print-open");
    await waitFor(() => expect(print).toBeEnabled());
    await fireEvent.click(print);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No PDF viewer could be opened to print this document. Use Save PDF instead");
    expect(alert).not.toHaveTextContent("ExitStatus");

    setLang("es");
    await waitFor(() => expect(print).toBeEnabled());
    await fireEvent.click(print);
    await waitFor(() =>
      expect(screen.getByRole("alert")).toHaveTextContent("No se pudo abrir ningún visor de PDF para imprimir este documento. Use Guardar PDF"),
    );
  });

  it("frees the document when the preview closes, by the button or by Escape, and gives focus back", async () => {
    const panel = await openDocuments();
    const button = within(panel).getByTestId("print-notice");
    button.focus();
    await fireEvent.click(button);
    await screen.findByTestId("print-page-count");
    await waitFor(() => expect(screen.getByTestId("print-preview")).toHaveFocus());
    await fireEvent.click(screen.getByTestId("print-close"));
    expect(screen.queryByTestId("print-preview")).toBeNull();
    expect(mocks.commands.printClose).toHaveBeenCalledWith(42);
    expect(mocks.unlisten).toHaveBeenCalled();
    await waitFor(() => expect(button).toHaveFocus());

    mocks.commands.printPreview.mockResolvedValue(ok(printPreviewData({ job: 43 })));
    await fireEvent.click(button);
    await screen.findByTestId("print-page-count");
    await fireEvent.keyDown(screen.getByTestId("print-preview"), { key: "Escape" });
    expect(screen.queryByTestId("print-preview")).toBeNull();
    expect(mocks.commands.printClose).toHaveBeenLastCalledWith(43);
  });

  it("frees a document that arrives after the preview was already closed", async () => {
    const pending = deferred<ReturnType<typeof ok>>();
    mocks.commands.printPreview.mockReturnValue(pending.promise);
    const panel = await openDocuments();
    await fireEvent.click(within(panel).getByTestId("print-notice"));
    await waitFor(() => expect(mocks.commands.printPreview).toHaveBeenCalled());
    await fireEvent.click(screen.getByTestId("print-close"));
    expect(mocks.commands.printClose).not.toHaveBeenCalled();
    pending.resolve(ok(printPreviewData({ job: 7 })));
    await waitFor(() => expect(mocks.commands.printClose).toHaveBeenCalledWith(7));
  });

  it("closes the preview when its document is gone (e.g. after the automatic lock)", async () => {
    render(Toast);
    mocks.commands.printPage.mockResolvedValue(err("not_found", "print job 42"));
    const panel = await openDocuments();
    await fireEvent.click(within(panel).getByTestId("print-notice"));
    await screen.findByTestId("print-page-count");
    FakeIntersectionObserver.scrollIntoView([slots()[0]]);
    await waitFor(() => expect(screen.queryByTestId("print-preview")).toBeNull());
    expect(await screen.findByText(/The preview is no longer available/)).toBeInTheDocument();
  });

  it("shows why a preview could not be made", async () => {
    mocks.commands.printPreview.mockResolvedValue(err("invalid_input", "the child has no hearing", "child"));
    const panel = await openDocuments();
    await fireEvent.click(within(panel).getByTestId("print-notice"));
    const error = await screen.findByTestId("print-error");
    expect(error).toHaveTextContent("Some information is not valid.");
    expect(error).toHaveTextContent("the child has no hearing");
    expect(screen.getByTestId("print-save")).toBeDisabled();
    expect(screen.getByTestId("print-open")).toBeDisabled();
  });

  it("is in Spanish when the interface is", async () => {
    setLang("es");
    const panel = await openDocuments();
    expect(screen.getByTestId("tab-documents")).toHaveTextContent("Documentos");
    expect(within(panel).getByTestId("print-notice")).toHaveTextContent("Aviso de audiencia");
    expect(within(panel).getByTestId("print-nta-record")).toHaveTextContent("Registro del NTA");
    expect(within(panel).getByTestId("print-reminder")).toHaveTextContent("Carta recordatorio");
    expect(within(panel).getByTestId("print-eoir33")).toHaveTextContent("Cambio de dirección (EOIR-33)");
    await fireEvent.click(within(panel).getByTestId("print-notice"));
    expect(await screen.findByTestId("print-page-count")).toHaveTextContent("2 páginas");
    expect(screen.getByTestId("print-save")).toHaveTextContent("Guardar PDF");
    expect(screen.getByTestId("print-open")).toHaveTextContent("Imprimir");
  });
});

describe("what a screen reader hears of the pages", () => {
  /** The preview's pages as a screen reader meets them: the group named "Page N of M". */
  function page(preview: HTMLElement, name: string): HTMLElement {
    return within(preview).getByRole("group", { name });
  }

  it("reads each page's printed text under Page N of M, the picture hidden from it", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(childDetail({ given_name: "José", family_name: "Ramírez", case_number: "2025-00417" })));
    mocks.commands.printPreview.mockResolvedValue(ok(printPreviewData({ case_number: "2025-00417", page_count: 2 })));
    const panel = await openDocuments();
    await fireEvent.change(within(panel).getByTestId("print-lang"), { target: { value: "es" } });
    await fireEvent.click(within(panel).getByTestId("print-notice"));
    const preview = await screen.findByTestId("print-preview");
    await waitFor(() => expect(within(preview).getAllByTestId("print-page")).toHaveLength(2));
    const pages = within(preview).getByRole("region", { name: "Pages of the document" });
    expect(pages).toHaveAccessibleDescription(
      "Hearing notice — 2025-00417, José Ramírez, in Spanish. Each page below is shown as a picture of the printout; a screen reader reads its text instead, line by line as printed. A page's text loads as it scrolls into view.",
    );
    const first = page(preview, "Page 1 of 2");
    const second = page(preview, "Page 2 of 2");
    expect(within(first).getByRole("heading", { level: 3 })).toHaveTextContent("Page 1 of 2");
    // Not fetched yet: it says so, in words a screen reader reads.
    expect(within(first).getByTestId("print-page-text")).toHaveTextContent("Loading page 1…");

    FakeIntersectionObserver.scrollIntoView([slots()[0]]);
    const text = within(first).getByTestId("print-page-text");
    await waitFor(() => expect(text).toHaveAttribute("data-loaded", "true"));
    expect(mocks.commands.printPageText).toHaveBeenCalledWith(42, 0);
    // One element per printed line, in the document's language, not hidden from assistive technology.
    expect(Array.from(text.children).map((line) => line.textContent)).toEqual([
      "Su audiencia en la corte de inmigración",
      "Menor José Ramírez",
      "Fecha miércoles, 4 de marzo de 2026 (2026-03-04)",
      "Página 1",
    ]);
    expect(text).toHaveAttribute("lang", "es");
    expect(text.closest('[aria-hidden="true"]')).toBeNull();
    expect(within(first).getByText("Menor José Ramírez")).toBeInTheDocument();
    // The picture says nothing more: it is hidden, with an empty text alternative.
    const image = within(first).getByTestId("print-page");
    expect(image).toHaveAttribute("alt", "");
    expect(image).toHaveAttribute("aria-hidden", "true");
    expect(within(second).getByTestId("print-page-text")).toHaveTextContent("Loading page 2…");
    expect(within(second).queryByText("Menor José Ramírez")).toBeNull();
    expect(await axeFailures(preview)).toEqual([]);
  });

  it("says when a page's text could not be read, and still shows the page", async () => {
    mocks.commands.printPreview.mockResolvedValue(ok(printPreviewData({ page_count: 1 })));
    mocks.commands.printPageText.mockResolvedValue(err("internal", "the page has no text"));
    const panel = await openDocuments();
    await fireEvent.click(within(panel).getByTestId("print-notice"));
    const preview = await screen.findByTestId("print-preview");
    await waitFor(() => expect(slots()).toHaveLength(1));
    FakeIntersectionObserver.scrollIntoView([slots()[0]]);
    const first = page(preview, "Page 1 of 1");
    await waitFor(() => expect(within(first).getByTestId("print-page-text")).toHaveTextContent("The text of page 1 could not be read."));
    expect(within(first).getByTestId("print-page")).toHaveAttribute("src");
  });

  it("closes the preview when the job is gone while reading a page's text", async () => {
    render(Toast);
    mocks.commands.printPreview.mockResolvedValue(ok(printPreviewData({ page_count: 1 })));
    mocks.commands.printPageText.mockResolvedValue(err("not_found", "no print job 42"));
    const panel = await openDocuments();
    await fireEvent.click(within(panel).getByTestId("print-notice"));
    await screen.findByTestId("print-preview");
    await waitFor(() => expect(slots()).toHaveLength(1));
    FakeIntersectionObserver.scrollIntoView([slots()[0]]);
    await waitFor(() => expect(screen.queryByTestId("print-preview")).toBeNull());
    expect(await screen.findByText("The preview is no longer available (for example after the automatic lock). Open it again.")).toBeInTheDocument();
  });

  it("names the pages in Spanish, and leaves each page's language to it when there are two", async () => {
    setLang("es");
    mocks.commands.printPreview.mockResolvedValue(ok(printPreviewData({ document: "call_sheet", case_number: null, page_count: 1 })));
    render(CallQueue, { onopen: vi.fn() });
    await fireEvent.click(await screen.findByTestId("print-call-sheet"));
    const preview = await screen.findByTestId("print-preview");
    expect(within(preview).getByRole("region", { name: "Páginas del documento" })).toHaveAccessibleDescription(
      "Hoja de llamadas — mar, 3 jun, en inglés y español, uno al lado del otro. Cada página de abajo se muestra como una imagen del documento; un lector de pantalla lee en su lugar su texto, línea por línea tal como se imprime. El texto de una página se carga al desplazarse hasta ella.",
    );
    const first = page(preview, "Página 1 de 1");
    expect(within(first).getByTestId("print-page-text")).toHaveTextContent("Cargando la página 1…");
    FakeIntersectionObserver.scrollIntoView([slots()[0]]);
    await waitFor(() => expect(within(first).getByText("Menor José Ramírez")).toBeInTheDocument());
    expect(within(first).getByTestId("print-page-text")).not.toHaveAttribute("lang");
  });

  it("counts the notices of a batch", async () => {
    mocks.commands.printPreview.mockResolvedValue(
      ok(printPreviewData({ document: "batch_notices", case_number: null, page_count: 3, notice_count: 3 })),
    );
    render(Hearings, { onopen: vi.fn() });
    await fireEvent.click(screen.getByTestId("print-batch"));
    await waitFor(() => expect(screen.getAllByTestId("print-page")).toHaveLength(3));
    const preview = screen.getByTestId("print-preview");
    expect(within(preview).getByRole("region", { name: "Pages of the document" })).toHaveAccessibleDescription(
      expect.stringMatching(/^Hearing notices \(3\), in English\. /),
    );
    expect(page(preview, "Page 3 of 3")).toBeInTheDocument();
  });
});

describe("Volunteers", () => {
  it("see no Documents tab", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(redactedChildDetail()));
    render(ChildDetail, { session: volunteer, idOrCase: "2025-00001", onback: noop, onopen: vi.fn() });
    await screen.findByTestId("tab-profile");
    expect(screen.queryByTestId("tab-documents")).toBeNull();
    expect(screen.queryByTestId("print-notice")).toBeNull();
    // Profile, Sponsor, Court and History (their calls).
    expect(screen.getAllByRole("tab")).toHaveLength(4);
  });

  it("can print the call sheet for the queue's day, both languages side by side", async () => {
    mocks.commands.printPreview.mockResolvedValue(ok(printPreviewData({ document: "call_sheet", case_number: null, page_count: 1 })));
    render(CallQueue, { onopen: vi.fn() });
    const button = await screen.findByTestId("print-call-sheet");
    expect(button).toHaveTextContent("Print call sheet");
    await fireEvent.click(button);
    await waitFor(() =>
      expect(mocks.commands.printPreview).toHaveBeenCalledWith({
        document: "call_sheet",
        child: null,
        lang: "both",
        layout: "side_by_side",
        on: "2025-06-03",
        within_days: null,
      }),
    );
    expect(await screen.findByRole("dialog", { name: /^Call sheet — / })).toBeInTheDocument();
  });
});

describe("Hearings: print notices", () => {
  it("shows the progress of a batch, then the empty message when no hearings are in range", async () => {
    const pending = deferred<ReturnType<typeof ok>>();
    mocks.commands.printPreview.mockReturnValue(pending.promise);
    render(Hearings, { onopen: vi.fn() });
    const days = screen.getByTestId("print-batch-days");
    expect(days).toHaveValue(14);
    await fireEvent.input(days, { target: { value: "30" } });
    await fireEvent.change(screen.getByTestId("print-batch-lang"), { target: { value: "es" } });
    await fireEvent.click(screen.getByTestId("print-batch"));
    await waitFor(() =>
      expect(mocks.commands.printPreview).toHaveBeenCalledWith({
        document: "batch_notices",
        child: null,
        lang: "es",
        layout: "pages",
        on: null,
        within_days: 30,
      }),
    );
    const progress = screen.getByTestId("print-progress");
    expect(progress).toHaveTextContent("Preparing the preview…");
    emitProgress("gathering", 5, 10);
    await waitFor(() => expect(progress).toHaveTextContent("Reading the cases: 5 of 10"));
    expect(within(progress).getByRole("progressbar")).toHaveAttribute("value", "5");
    emitProgress("rendering", 0, 3);
    await waitFor(() => expect(progress).toHaveTextContent("Preparing the notices: 0 of 3"));

    pending.resolve(ok(printPreviewData({ document: "batch_notices", case_number: null, page_count: 0, notice_count: 0 })));
    expect(await screen.findByTestId("print-empty")).toHaveTextContent("No hearings in the next 30 days.");
    expect(screen.queryByTestId("print-progress")).toBeNull();
    expect(screen.getByTestId("print-page-count")).toHaveTextContent("0 pages");
    expect(screen.getByTestId("print-save")).toBeDisabled();
    expect(screen.getByTestId("print-save-each")).toBeDisabled();
    expect(screen.getByTestId("print-open")).toBeDisabled();
    expect(screen.queryAllByTestId("print-page")).toHaveLength(0);
  });

  it("saves one file per notice with progress and says how many", async () => {
    render(Toast);
    mocks.commands.printPreview.mockResolvedValue(
      ok(printPreviewData({ job: 9, document: "batch_notices", case_number: null, page_count: 24, notice_count: 12 })),
    );
    const saving = deferred<ReturnType<typeof ok>>();
    mocks.commands.printSaveEach.mockReturnValue(saving.promise);
    render(Hearings, { onopen: vi.fn() });
    await fireEvent.change(screen.getByTestId("print-batch-lang"), { target: { value: "both" } });
    await fireEvent.change(screen.getByTestId("print-batch-layout"), { target: { value: "side_by_side" } });
    await fireEvent.click(screen.getByTestId("print-batch"));
    await waitFor(() =>
      expect(mocks.commands.printPreview).toHaveBeenCalledWith(expect.objectContaining({ lang: "both", layout: "side_by_side", within_days: 14 })),
    );
    expect(await screen.findByRole("dialog", { name: "Hearing notices (12)" })).toBeInTheDocument();
    expect(screen.getByTestId("print-page-count")).toHaveTextContent("24 pages");
    expect(screen.getAllByTestId("print-page")).toHaveLength(24);

    const each = screen.getByTestId("print-save-each");
    await waitFor(() => expect(each).toBeEnabled());
    await fireEvent.click(each);
    await waitFor(() => expect(mocks.commands.printSaveEach).toHaveBeenCalledWith(9));
    emitProgress("writing", 4, 12);
    await waitFor(() => expect(screen.getByTestId("print-progress")).toHaveTextContent("Writing the files: 4 of 12"));
    saving.resolve(ok({ path: "/home/ana/Notices", files: 12 }));
    expect(await screen.findByText("Saved 12 files to /home/ana/Notices")).toBeInTheDocument();
    expect(screen.queryByTestId("print-progress")).toBeNull();
  });

  it("checks the number of days, and shows the backend's objection on the field", async () => {
    render(Hearings, { onopen: vi.fn() });
    const days = screen.getByTestId("print-batch-days");
    await fireEvent.input(days, { target: { value: "400" } });
    await fireEvent.click(screen.getByTestId("print-batch"));
    expect(days).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Enter a whole number of days from 1 to 365.")).toBeInTheDocument();
    expect(mocks.commands.printPreview).not.toHaveBeenCalled();
    expect(screen.queryByTestId("print-preview")).toBeNull();

    mocks.commands.printPreview.mockResolvedValue(err("invalid_input", "within_days must be from 1 to 90", "within_days"));
    await fireEvent.input(days, { target: { value: "200" } });
    expect(days).not.toHaveAttribute("aria-invalid");
    await fireEvent.click(screen.getByTestId("print-batch"));
    await waitFor(() => expect(screen.queryByTestId("print-preview")).toBeNull());
    expect(mocks.commands.printPreview).toHaveBeenCalledTimes(1);
    expect(days).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("within_days must be from 1 to 90")).toBeInTheDocument();
  });

  it("says so when the role may not print notices", async () => {
    mocks.commands.printPreview.mockResolvedValue(err("permission_denied", "volunteers may print only the call sheet"));
    render(Hearings, { onopen: vi.fn() });
    await fireEvent.click(screen.getByTestId("print-batch"));
    expect(await screen.findByTestId("print-error")).toHaveTextContent("Your role does not allow this action.");
  });
});

describe("Settings: clinic contact", () => {
  it("loads the contact and saves it, one address line per line", async () => {
    render(Toast);
    mocks.commands.setClinicContact.mockImplementation(async (contact) => ok(contact));
    render(Settings, { session: admin, onsession: vi.fn() });
    const name = screen.getByTestId("clinic-name");
    const phone = screen.getByTestId("clinic-phone");
    const address = screen.getByTestId("clinic-address");
    await waitFor(() => expect(name).toHaveValue("Clínica Esperanza"));
    expect(phone).toHaveValue("+1 713 555 0199");
    expect(address.tagName).toBe("TEXTAREA");
    expect(address).toHaveValue("100 Main St\nSuite 200\nHouston, TX 77002");
    expect(screen.getByRole("heading", { name: "Clinic contact (printed on notices and letters)" })).toBeInTheDocument();

    await fireEvent.input(name, { target: { value: "  Clínica Esperanza Legal  " } });
    await fireEvent.input(address, { target: { value: " 200 Elm St \n\n Houston, TX 77003 \n" } });
    await fireEvent.click(screen.getByTestId("clinic-save"));
    await waitFor(() =>
      expect(mocks.commands.setClinicContact).toHaveBeenCalledWith({
        name: "Clínica Esperanza Legal",
        phone: "+1 713 555 0199",
        address: "200 Elm St\nHouston, TX 77003",
      }),
    );
    expect(await screen.findByText("The clinic contact was saved.")).toBeInTheDocument();
    expect(address).toHaveValue("200 Elm St\nHouston, TX 77003");
  });

  it("shows the backend's field errors inline", async () => {
    mocks.commands.setClinicContact.mockResolvedValueOnce(err("invalid_input", "the phone number has too few digits", "phone"));
    render(Settings, { session: admin, onsession: vi.fn() });
    const phone = screen.getByTestId("clinic-phone");
    await waitFor(() => expect(phone).toHaveValue("+1 713 555 0199"));
    await fireEvent.input(phone, { target: { value: "55" } });
    await fireEvent.click(screen.getByTestId("clinic-save"));
    await waitFor(() => expect(phone).toHaveAttribute("aria-invalid", "true"));
    expect(phone).toHaveAccessibleDescription("the phone number has too few digits");
    expect(screen.getByTestId("clinic-name")).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByTestId("clinic-error")).toBeNull();

    mocks.commands.setClinicContact.mockResolvedValueOnce(
      fieldsErr([
        { field: "name", message: "the name is required" },
        { field: "address", message: "at most 4 lines" },
      ]),
    );
    await fireEvent.click(screen.getByTestId("clinic-save"));
    await waitFor(() => expect(screen.getByTestId("clinic-name")).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByTestId("clinic-address")).toHaveAttribute("aria-invalid", "true");
    expect(phone).not.toHaveAttribute("aria-invalid");
  });

  it("says a coded clinic phone error in Spanish", async () => {
    setLang("es");
    mocks.commands.setClinicContact.mockResolvedValueOnce(
      err(
        "invalid_input",
        'phone: phone number "55" is not a valid number (check the country code and the number of digits)',
        "phone",
        [],
        { code: "phone_invalid", params: { value: "55" } },
      ),
    );
    render(Settings, { session: admin, onsession: vi.fn() });
    const phone = screen.getByTestId("clinic-phone");
    await waitFor(() => expect(phone).toHaveValue("+1 713 555 0199"));
    await fireEvent.input(phone, { target: { value: "55" } });
    await fireEvent.click(screen.getByTestId("clinic-save"));
    await waitFor(() => expect(phone).toHaveAttribute("aria-invalid", "true"));
    expect(phone).toHaveAccessibleDescription(
      "El número de teléfono «55» no es válido (revise el código de país y la cantidad de dígitos).",
    );
  });

  it("is read-only for anyone but an administrator", async () => {
    render(Settings, { session: caseManager, onsession: vi.fn() });
    expect(await screen.findByText("100 Main St", { exact: false })).toBeInTheDocument();
    expect(screen.getByTestId("clinic-name")).toHaveTextContent("Clínica Esperanza");
    expect(screen.queryByTestId("clinic-save")).toBeNull();
    expect(screen.queryByRole("textbox", { name: "Name" })).toBeNull();
  });
});
