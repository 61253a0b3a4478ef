//! Every printable in English, Spanish and both (one copy per language, and side by side), for a
//! full case and one with missing data, checked with an independent extractor (`pdftotext`
//! from poppler-utils).
#![allow(clippy::unwrap_used)]

mod support;

use support::*;
use tether_render::printables::{Clinic, Job, Lang, Layout, Printable, Printer, BLANK};

// ---------------------------------------------------------------------------------------------
// Every printable, every language and layout.

#[test]
fn case_printables_full_data() {
    let printer = Printer::shipped();
    let case = full_case();
    for what in CASE_PRINTABLES {
        for (lang, layout) in VARIANTS {
            let (_, text) = print(&printer, &job(what, lang, layout), &case, "full");
            let ctx = format!("{what:?} {lang:?} {layout:?}:\n{text}");
            let has = |needle: &str| text.contains(needle);
            assert!(has(COURT_STREET) && has(COURT_CITY), "court address: {ctx}");
            assert!(has("A123-456-789"), "A-Number: {ctx}");
            assert!(has("José Ramírez Pérez"), "accents: {ctx}");
            assert_not_official(&text, lang);
            if what != Printable::Eoir33 {
                assert!(has("2026-03-04"), "{ctx}");
                if has_english(lang) {
                    assert!(
                        has("Wednesday, March 4, 2026") && has("9:30 AM CST"),
                        "{ctx}"
                    );
                }
                if has_spanish(lang) {
                    assert!(has("miércoles, 4 de marzo de 2026"), "{ctx}");
                    assert!(has("audiencia"), "{ctx}");
                }
            }
            if has_spanish(lang) {
                assert!(text.to_lowercase().contains("dirección"), "{ctx}");
            }
        }
    }
}

#[test]
fn case_printables_missing_data_print_blank_lines() {
    let printer = Printer::shipped();
    let case = sparse_case();
    for what in CASE_PRINTABLES {
        for (lang, layout) in VARIANTS {
            let job = Job {
                clinic: Clinic::default(),
                ..job(what, lang, layout)
            };
            let (_, text) = print(&printer, &job, &case, "missing");
            let ctx = format!("{what:?} {lang:?} {layout:?}:\n{text}");
            assert!(text.contains(BLANK), "{ctx}");
            assert!(text.contains("Juan Ramírez"), "{ctx}");
            assert_not_official(&text, lang);
            if what == Printable::NtaRecord {
                assert_eq!(text.contains("to be set"), has_english(lang), "{ctx}");
                assert_eq!(text.contains("por fijar"), has_spanish(lang), "{ctx}");
            }
        }
    }
}

#[test]
fn call_sheet_in_every_language_and_layout() {
    let printer = Printer::shipped();
    for (lang, layout) in VARIANTS {
        let job = job(Printable::CallSheet, lang, layout);
        let (rendered, text) = print(&printer, &job, &call_sheet(true), "full");
        let ctx = format!("{lang:?} {layout:?}:\n{text}");
        assert!(
            text.contains("TC-2026-0042") && text.contains("+50255123456"),
            "{ctx}"
        );
        assert!(text.contains("Rosa Ramírez"), "{ctx}");
        assert!(
            text.contains(BLANK),
            "a missing sponsor prints a blank line: {ctx}"
        );
        assert_not_official(&text, lang);
        // The language's name in the page's language, never its code.
        assert_eq!(text.contains("Spanish"), has_english(lang), "{ctx}");
        assert_eq!(text.contains("español"), has_spanish(lang), "{ctx}");
        assert_eq!(text.contains("Mam"), has_english(lang), "{ctx}");
        // Side by side names it once: "Mam", not "Mam / mam".
        let spanish_copy = has_spanish(lang) && layout == Layout::Pages;
        assert_eq!(text.contains("mam"), spanish_copy, "{ctx}");
        if has_spanish(lang) {
            assert!(
                text.contains("Teléfono") && text.contains("atrasada"),
                "{ctx}"
            );
        }
        let (width, height) = rendered.page_size_pt();
        assert!(
            width > height,
            "the call sheet is landscape: {width}×{height}"
        );

        let (_, empty) = print(&printer, &job, &call_sheet(false), "missing");
        assert_not_official(&empty, lang);
        if has_english(lang) {
            assert!(empty.contains("No calls due."), "{empty}");
        }
    }
}

#[test]
fn notice_says_what_matters() {
    let printer = Printer::shipped();
    for layout in [Layout::Pages, Layout::SideBySide] {
        let job = job(Printable::Notice, Lang::Both, layout);
        let (_, text) = print(&printer, &job, &full_case(), "full");
        for needle in [
            "1-800-898-7180",
            "ACIS",
            "EOIR-33",
            "5 working days",
            "5 días hábiles",
            "in absentia",
            "Master calendar hearing",
            "What to bring",
            "Qué llevar",
            // The interpreter's language named in each page's language.
            "interpreter in Mam",
            "intérprete de mam",
        ] {
            assert!(
                text.contains(needle),
                "{layout:?}: missing {needle:?}:\n{text}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The concern report for the supervisor.

/// The supervisor's name and signature (two blank lines each) and the date (one).
const SIGNATURE_BLANKS: usize = 5;

/// Copies of a document: one per language, or one bilingual copy side by side.
fn copies(lang: Lang, layout: Layout) -> usize {
    if lang == Lang::Both && layout == Layout::Pages {
        2
    } else {
        1
    }
}

#[test]
fn concern_report_in_every_language_and_layout() {
    let printer = Printer::shipped();
    for (lang, layout) in VARIANTS {
        let job = job(Printable::ConcernReport, lang, layout);
        let (rendered, text) = print(&printer, &job, &reported_concern(), "reported");
        let ctx = format!("{lang:?} {layout:?}:\n{text}");
        let has = |needle: &str| text.contains(needle);
        let (w, h) = rendered.page_size_pt();
        assert_eq!((w.round(), h.round()), (612.0, 792.0), "US Letter: {ctx}");
        assert_not_official(&text, lang);
        // The caller's words exactly as written (the line break is kept as one).
        assert!(
            has("Dice que trabaja de noche en una empacadora en Ñuñoa Street y que debe dinero del viaje."),
            "heard: {ctx}"
        );
        for needle in [
            "José Ramírez Pérez",
            "TC-2026-0042",
            "tomás.núñez",
            "lucía.peña",
            "Leído. Reportar hoy.",
            "2026-02-09 16:45 UTC",
            "NHTH-2026-1182",
            "1-888-373-7888",
            "Centro Esperanza para Niños",
        ] {
            assert!(has(needle), "{needle:?}: {ctx}");
        }
        // A reported report has no blank to fill but the supervisor's name, signature, date.
        assert_eq!(
            text.matches(BLANK).count(),
            SIGNATURE_BLANKS * copies(lang, layout),
            "signature lines only: {ctx}"
        );
        if has_english(lang) {
            for needle in [
                "Concern report for the supervisor",
                "Trafficking indicators",
                "What was heard",
                "Submitted for approval",
                "Hotline staff, who are mandated reporters",
                "To the supervisor by",
                "2026-02-10 (submitted",
                "These rules are a checklist, not legal advice.",
                "Supervisor's signature",
            ] {
                assert!(has(needle), "{needle:?}: {ctx}");
            }
        }
        if has_spanish(lang) {
            for needle in [
                // Side by side, the columns wrap phrases (pdftotext reads across them).
                "Reporte de preocupación",
                "Indicios de trata",
                "Lo que se escuchó",
                "Enviado para aprobación",
                "El personal de la línea, que está",
                "Al supervisor a más",
                "Estas reglas son una lista de verificación",
                "Firma del supervisor",
            ] {
                assert!(has(needle), "{needle:?}: {ctx}");
            }
        }
        assert_eq!(has("Hotline staff"), has_english(lang), "{ctx}");
        assert_eq!(has("Reporte de preocupación"), has_spanish(lang), "{ctx}");
    }
}

#[test]
fn a_draft_concern_report_prints_blank_lines_and_not_reported_yet() {
    let printer = Printer::shipped();
    for (lang, layout) in VARIANTS {
        let job = job(Printable::ConcernReport, lang, layout);
        let (_, text) = print(&printer, &job, &draft_concern(), "draft");
        let ctx = format!("{lang:?} {layout:?}:\n{text}");
        assert_not_official(&text, lang);
        // Approved on, reported to, reported on, reference: blank, besides the signature's.
        assert_eq!(
            text.matches(BLANK).count(),
            (SIGNATURE_BLANKS + 4) * copies(lang, layout),
            "{ctx}"
        );
        assert!(!text.contains("lucía.peña"), "{ctx}");
        if has_english(lang) {
            assert!(
                text.contains("Not reported yet.") && text.contains("Draft"),
                "{ctx}"
            );
            assert!(text.contains("set when approved"), "{ctx}");
        }
        if has_spanish(lang) {
            assert!(
                text.contains("Aún no se ha reportado.") && text.contains("Borrador"),
                "{ctx}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Side by side.

#[test]
fn side_by_side_is_one_bilingual_copy() {
    let printer = Printer::shipped();
    let case = full_case();
    for what in Printable::ALL {
        let pages = |layout| {
            let job = job(what, Lang::Both, layout);
            if what == Printable::CallSheet {
                printer
                    .compile(&job, &[call_sheet(true)])
                    .unwrap()
                    .page_count()
            } else if what == Printable::ConcernReport {
                printer
                    .compile(&job, &[reported_concern()])
                    .unwrap()
                    .page_count()
            } else {
                printer
                    .compile(&job, std::slice::from_ref(&case))
                    .unwrap()
                    .page_count()
            }
        };
        assert_eq!(pages(Layout::Pages), 2, "{what:?}: one page per language");
        assert_eq!(pages(Layout::SideBySide), 1, "{what:?}: one bilingual page");
    }
}

#[test]
fn side_by_side_notice_has_both_languages_on_page_one() {
    let printer = Printer::shipped();
    let side = printer
        .compile(
            &job(Printable::Notice, Lang::Both, Layout::SideBySide),
            &[full_case()],
        )
        .unwrap();
    let pages = printer
        .compile(
            &job(Printable::Notice, Lang::Both, Layout::Pages),
            &[full_case()],
        )
        .unwrap();
    assert!(side.page_count() < pages.page_count());
    let first = pdftotext(&side.pdf().unwrap(), Some((1, 1)));
    for needle in [
        "Your immigration court hearing",
        "Su audiencia",
        "Court / Corte",
        "What to bring",
        "Qué llevar",
        "If you move",
        "Si se muda",
        "This is not an official government form.",
        "Este no es un formulario oficial del gobierno.",
    ] {
        assert!(first.contains(needle), "missing {needle:?}:\n{first}");
    }
}

#[test]
fn record_pages_side_by_side_use_bilingual_labels() {
    let printer = Printer::shipped();
    let job = job(Printable::NtaRecord, Lang::Both, Layout::SideBySide);
    let (_, text) = print(&printer, &job, &full_case(), "full");
    assert!(text.contains("Respondent / Demandado (menor)"), "{text}");
    assert!(text.contains("Served / Entregado"), "{text}");
}

#[test]
fn one_language_ignores_the_layout() {
    let printer = Printer::shipped();
    for lang in [Lang::En, Lang::Es] {
        let text = |layout| {
            let job = job(Printable::Notice, lang, layout);
            pdftotext(&printer.render(&job, &full_case()).unwrap(), None)
        };
        assert_eq!(text(Layout::Pages), text(Layout::SideBySide), "{lang:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// The preview: SVG pages and page size.

#[test]
fn preview_pages_as_svg() {
    let printer = Printer::shipped();
    let rendered = printer
        .compile(
            &job(Printable::Notice, Lang::Both, Layout::Pages),
            &[full_case()],
        )
        .unwrap();
    assert_eq!(rendered.page_count(), 2);
    let svg = rendered.page_svg(0).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
    assert!(rendered.page_svg(1).is_some());
    assert!(rendered.page_svg(rendered.page_count()).is_none());
    let (width, height) = rendered.page_size_pt();
    assert!(
        (width - 612.0).abs() < 0.5 && (height - 792.0).abs() < 0.5,
        "US Letter: {width}×{height}"
    );
    assert_eq!(
        format!("{rendered:?}"),
        "Rendered { template: \"notice.typ\", pages: 2, .. }"
    );
}

// ---------------------------------------------------------------------------------------------
// The clinic's contact.

#[test]
fn the_clinic_from_the_settings_is_printed() {
    let printer = Printer::shipped();
    for what in [Printable::Notice, Printable::Reminder] {
        for (lang, layout) in VARIANTS {
            let (_, text) = print(&printer, &job(what, lang, layout), &full_case(), "full");
            for needle in [
                "Centro Esperanza para Niños",
                "(713) 555-0100",
                "2900 Main St, Suite 300",
                "Houston, TX 77002",
            ] {
                assert!(
                    text.contains(needle),
                    "{what:?} {lang:?} {layout:?}: {needle:?}:\n{text}"
                );
            }
        }
    }
}

#[test]
fn the_clinic_falls_back_to_clinic_typ_field_by_field() {
    let clinic_typ = "#let clinic = (name: \"Kids in Need of Defense\", phone: \"(713) 555-0199\", address: (\"1 Main St\", \"Houston, TX 77002\"))\n";
    let printer = Printer::new([("clinic.typ", clinic_typ)]).unwrap();
    let empty = Job {
        clinic: Clinic::default(),
        ..job(Printable::Notice, Lang::En, Layout::Pages)
    };
    let text = pdftotext(&printer.render(&empty, &full_case()).unwrap(), None);
    for needle in ["Kids in Need of Defense", "(713) 555-0199", "1 Main St"] {
        assert!(text.contains(needle), "{needle:?}:\n{text}");
    }
    // Only the phone set in the app: the rest still comes from clinic.typ.
    let phone_only = Job {
        clinic: Clinic {
            phone: Some("(832) 555-0123".into()),
            ..Clinic::default()
        },
        ..empty
    };
    let text = pdftotext(&printer.render(&phone_only, &full_case()).unwrap(), None);
    assert!(
        text.contains("Kids in Need of Defense") && text.contains("(832) 555-0123"),
        "{text}"
    );
    assert!(!text.contains("(713) 555-0199"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Overrides, errors, batches.

#[test]
fn a_template_override_replaces_the_shipped_one_without_a_rebuild() {
    let case = full_case();
    let notice = Job {
        clinic: Clinic::default(),
        ..job(Printable::Notice, Lang::En, Layout::Pages)
    };
    let before = pdftotext(&Printer::shipped().render(&notice, &case).unwrap(), None);
    assert!(before.contains(BLANK), "no clinic contact yet: blank lines");
    let clinic_typ = "#let clinic = (name: \"Clínica Esperanza\", phone: \"(713) 555-0100\", address: (\"1 Main St\", \"Houston, TX 77002\"))\n";
    let notice_typ = "#import \"common.typ\": *\n#let data = json(bytes(sys.inputs.data))\n#show: setup.with(data.langs)\n#for c in data.items [= Letterhead of the clinic\n#c.child_name #clinic-block(\"en\")]\n";
    let printer = Printer::new([("notice.typ", notice_typ), ("clinic.typ", clinic_typ)]).unwrap();
    assert_eq!(printer.overridden(), ["clinic.typ", "notice.typ"]);
    assert_eq!(
        printer.custom_templates_for(Printable::Notice),
        ["clinic.typ", "notice.typ"]
    );
    assert_eq!(
        printer.custom_templates_for(Printable::Eoir33),
        ["clinic.typ"],
        "every printable shows the clinic's contact"
    );
    let after = pdftotext(&printer.render(&notice, &case).unwrap(), None);
    assert!(after.contains("Letterhead of the clinic"), "{after}");
    assert!(
        after.contains("Clínica Esperanza") && after.contains("(713) 555-0100"),
        "{after}"
    );
    assert!(
        after.contains("This is not an official government form."),
        "{after}"
    );
    // The other printables pick up the clinic's contact too.
    let reminder = Job {
        what: Printable::Reminder,
        lang: Lang::Es,
        ..notice
    };
    let letter = pdftotext(&printer.render(&reminder, &case).unwrap(), None);
    assert!(letter.contains("Clínica Esperanza"), "{letter}");
}

#[test]
fn a_broken_override_is_a_clear_error() {
    let printer = Printer::new([("eoir33.typ", "#let x = (")]).unwrap();
    let err = printer
        .render(
            &job(Printable::Eoir33, Lang::En, Layout::Pages),
            &full_case(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("eoir33.typ"), "{err}");
}

#[test]
fn a_batch_is_one_document_with_every_notice() {
    let printer = Printer::shipped();
    let cases = [full_case(), sparse_case(), full_case()];
    for (layout, pages_each) in [(Layout::Pages, 2), (Layout::SideBySide, 1)] {
        let rendered = printer
            .compile(&job(Printable::Notice, Lang::Both, layout), &cases)
            .unwrap();
        assert_eq!(
            rendered.page_count(),
            cases.len() * pages_each,
            "{layout:?}"
        );
        let text = pdftotext(&rendered.pdf().unwrap(), None);
        assert!(
            text.contains("José Ramírez Pérez") && text.contains("Juan Ramírez"),
            "{text}"
        );
    }
}

#[test]
fn an_override_of_no_shipped_template_is_refused() {
    let err = Printer::new([("letterhead.typ", "= Hi")]).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("letterhead.typ") && message.contains("notice.typ"),
        "{message}"
    );
}

/// An admin's override is trusted wording, not trusted code: Typst still gets no file system,
/// so a template cannot pull a file of the computer (or of the vault) into a printout.
#[test]
fn an_override_cannot_read_files() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("keyslots.json");
    std::fs::write(&secret, "{\"slots\": []}").unwrap();
    for path in [secret.display().to_string(), "/etc/hostname".into()] {
        let text = format!("#read(\"{path}\")\n");
        let printer = Printer::new([("eoir33.typ", text.as_str())]).unwrap();
        let err = printer
            .render(
                &job(Printable::Eoir33, Lang::En, Layout::Pages),
                &full_case(),
            )
            .unwrap_err();
        assert!(err.to_string().contains("eoir33.typ"), "{path}: {err}");
    }
}

/// Where each word of the first page is: (word, x of its left edge, y of its top) in points,
/// and the page's width, from `pdftotext -bbox` (an independent reader of the PDF).
fn word_boxes(pdf: &[u8]) -> (Vec<(String, f64, f64)>, f64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let html = String::from_utf8(out.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        tag.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    let width = html
        .lines()
        .find(|l| l.contains("<page "))
        .map_or(f64::NAN, |l| attr(l, "width"));
    let words = html
        .lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| {
            let word = l.split('>').nth(1).and_then(|w| w.split('<').next());
            (
                word.unwrap_or("").to_owned(),
                attr(l, "xMin"),
                attr(l, "yMin"),
            )
        })
        .collect();
    (words, width)
}

/// The English call sheet leaves room to write: "Result / notes" is on one line and its column
/// spans at least a quarter of the page, however long the names in the other columns are.
#[test]
fn the_call_sheet_leaves_a_wide_column_to_write_the_result() {
    let printer = Printer::shipped();
    let mut sheet = call_sheet(true);
    for row in &mut sheet.rows {
        row.sponsor_name = Some("Candelaria Rodríguez Ixcoy de Ramírez".into());
        row.child_name = "María de los Ángeles R.".into();
        row.sponsor_local_time = Some("2026-02-10 09:15".into());
        row.interpreter_needed = true;
    }
    for lang in [Lang::En, Lang::Es] {
        let job = job(Printable::CallSheet, lang, Layout::Pages);
        let (rendered, _) = print(&printer, &job, &sheet, "long names");
        let (words, width) = word_boxes(&rendered.pdf().unwrap());
        let (first, second) = match lang {
            Lang::En => ("Result", "notes"),
            _ => ("Resultado", "notas"),
        };
        let find = |w: &str| words.iter().find(|(word, _, _)| word == w).cloned();
        let (Some((_, x, y)), Some((_, _, y2))) = (find(first), find(second)) else {
            panic!("{lang:?}: no {first} / {second} header in {words:?}");
        };
        assert!(
            (y - y2).abs() < 1.0,
            "{lang:?}: the header wraps ({first} at y {y}, {second} at y {y2})"
        );
        assert!(
            width - x >= 0.25 * width,
            "{lang:?}: the notes column starts at x = {x} of {width} pt"
        );
    }
}
