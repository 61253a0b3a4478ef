//! The Typst engine: templates (shipped, or overridden by the clinic's admin in the vault) compiled into a [`Rendered`] document,
//! then written as PDF or as SVG pages, with each page's text for a screen reader.

use std::collections::BTreeMap;

use serde::Serialize;
use typst::foundations::{Dict, Str, Value};
use typst_as_lib::{TypstEngine, TypstTemplateCollection};
use typst_layout::PagedDocument;

use super::error::RenderError;
use super::job::{Job, Printable};
use super::page_text;
use super::templates::TEMPLATES;

static FONT_REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// Renders printables. Make one per run (or per batch) and reuse it: fonts are parsed and
/// templates read once.
pub struct Printer {
    engine: TypstEngine<TypstTemplateCollection>,
    overridden: Vec<String>,
}

impl std::fmt::Debug for Printer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Printer")
            .field("overridden", &self.overridden)
            .finish_non_exhaustive()
    }
}

impl Printer {
    /// The shipped templates only.
    pub fn shipped() -> Self {
        Self::build(BTreeMap::new(), Vec::new())
    }

    /// The shipped templates, each replaced by the override of the same name: `(name, Typst
    /// text)` pairs the caller read from the vault (an admin's setting). Nothing is read from
    /// disk, and the templates still get no file system: Typst resolves only these sources.
    pub fn new<'a>(
        overrides: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, RenderError> {
        let mut replaced = BTreeMap::new();
        for (name, text) in overrides {
            let Some((shipped, _)) = TEMPLATES.iter().find(|(n, _)| *n == name) else {
                return Err(RenderError::Override {
                    name: name.to_owned(),
                    reason: format!(
                        "no shipped template has this name (one of {})",
                        TEMPLATES.map(|(n, _)| n).join(", ")
                    ),
                });
            };
            replaced.insert(*shipped, text.to_owned());
        }
        let overridden = replaced.keys().map(|n| (*n).to_owned()).collect();
        Ok(Self::build(replaced, overridden))
    }

    fn build(mut replaced: BTreeMap<&'static str, String>, overridden: Vec<String>) -> Self {
        let sources: BTreeMap<&str, String> = TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    *name,
                    replaced.remove(name).unwrap_or_else(|| (*text).to_owned()),
                )
            })
            .collect();
        let engine = TypstEngine::builder()
            .fonts([FONT_REGULAR, FONT_BOLD])
            .with_static_source_file_resolver(sources)
            .build();
        Printer { engine, overridden }
    }

    /// Template names replaced by an override.
    pub fn overridden(&self) -> &[String] {
        &self.overridden
    }

    /// The overridden templates a printout of `what` is drawn from: its own template and the
    /// two every printable imports (`common.typ`, which imports `clinic.typ`). The preview and
    /// the CLI name these, so a printout from a custom template never passes for the shipped one.
    pub fn custom_templates_for(&self, what: Printable) -> Vec<String> {
        let used = [what.template(), "common.typ", "clinic.typ"];
        self.overridden
            .iter()
            .filter(|n| used.contains(&n.as_str()))
            .cloned()
            .collect()
    }

    /// One document holding `job.what` for each of `items` (one item for a single printout;
    /// many for a batch). Items are [`super::CaseSheet`]s, or [`super::CallSheet`]s for the
    /// call sheet.
    pub fn compile<T: Serialize>(&self, job: &Job, items: &[T]) -> Result<Rendered, RenderError> {
        let template = job.what.template();
        let payload = serde_json::json!({
            "langs": job.lang.codes(),
            "layout": job.effective_layout().as_str(),
            "clinic": job.clinic,
            "items": items,
        });
        let mut inputs = Dict::new();
        inputs.insert(
            "data".into(),
            Value::Str(Str::from(serde_json::to_string(&payload)?)),
        );
        let document: PagedDocument = self
            .engine
            .compile_with_input(template, inputs)
            .output
            .map_err(|e| RenderError::Template {
                template: template.to_owned(),
                message: e.to_string(),
            })?;
        Ok(Rendered { document, template })
    }

    /// `compile(job, &[item])` then [`Rendered::pdf`].
    pub fn render<T: Serialize>(&self, job: &Job, item: &T) -> Result<Vec<u8>, RenderError> {
        self.compile(job, std::slice::from_ref(item))?.pdf()
    }
}

/// A compiled document: PDF for saving, SVG per page for an on-screen preview. Laid out once,
/// so a preview followed by "save" does not compile twice.
pub struct Rendered {
    document: PagedDocument,
    /// For error messages.
    template: &'static str,
}

impl std::fmt::Debug for Rendered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rendered")
            .field("template", &self.template)
            .field("pages", &self.page_count())
            .finish_non_exhaustive()
    }
}

impl Rendered {
    pub fn pdf(&self) -> Result<Vec<u8>, RenderError> {
        typst_pdf::pdf(&self.document, &typst_pdf::PdfOptions::default()).map_err(|diagnostics| {
            RenderError::Pdf {
                template: self.template.to_owned(),
                message: diagnostics
                    .iter()
                    .map(|d| d.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        })
    }

    pub fn page_count(&self) -> usize {
        self.document.pages().len()
    }

    /// SVG markup of page `index` (0-based), `None` when out of range.
    pub fn page_svg(&self, index: usize) -> Option<String> {
        let page = self.document.pages().get(index)?;
        Some(typst_svg::svg(page, &typst_svg::SvgOptions::default()))
    }

    /// The text of page `index` (0-based) in reading order, one printed line per line, for a
    /// screen reader; `None` when out of range. Taken from the same layout as
    /// [`Rendered::page_svg`] and [`Rendered::pdf`].
    pub fn page_text(&self, index: usize) -> Option<String> {
        let page = self.document.pages().get(index)?;
        Some(page_text::frame_text(&page.frame))
    }

    /// Page size in points of the first page (width, height); (612, 792) for US Letter
    /// portrait. Typst always lays out at least one page; (0, 0) would mean none.
    pub fn page_size_pt(&self) -> (f64, f64) {
        self.document
            .pages()
            .first()
            .map(|page| {
                let size = page.frame.size();
                (size.x.to_pt(), size.y.to_pt())
            })
            .unwrap_or((0.0, 0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The desktop app hands a preview to another thread (Tauri commands are async).
    #[test]
    fn rendered_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Rendered>();
    }
}
