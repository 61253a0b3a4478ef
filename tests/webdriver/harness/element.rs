//! An element of the page, and what a test does with it. Every click and every key a test
//! sends goes through [`Element::click`], [`Element::clear`] or [`Element::type_text`], which
//! scroll the element into view first (see [`Element::scroll_into_view`]).

use serde_json::{json, Value};

use super::{Session, TestResult};

/// The key under which W3C WebDriver returns an element's id (the "web element identifier").
pub const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Element<'s> {
    session: &'s Session,
    id: String,
}

impl<'s> Element<'s> {
    /// The element WebDriver knows by `id` in `session`.
    pub(super) fn new(session: &'s Session, id: &str) -> Self {
        Element {
            session,
            id: id.to_owned(),
        }
    }
}

impl Element<'_> {
    fn path(&self, what: &str) -> String {
        format!("/element/{}/{what}", self.id)
    }

    /// The element as a script argument.
    pub fn reference(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    /// Scrolls the element to the middle of the window and of every box that scrolls around it.
    /// WebKitWebDriver scrolls only as little as it must, which can leave the element under a
    /// sticky header, at a dialog's clipped edge or below a toast, and then the click lands on
    /// what covers it ("element click intercepted"): a failure of the harness, not of the app.
    /// In the middle, only something that really covers the element still gets in the way.
    fn scroll_into_view(&self) -> TestResult {
        self.session
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});",
                vec![self.reference()],
            )
            .map(drop)
    }

    pub fn click(&self) -> TestResult {
        self.scroll_into_view()?;
        self.session.post(&self.path("click"), json!({})).map(drop)
    }

    pub fn clear(&self) -> TestResult {
        self.scroll_into_view()?;
        self.session.post(&self.path("clear"), json!({})).map(drop)
    }

    /// Sends `text` as key input (also keys such as [`super::KEY_ESCAPE`]).
    pub fn type_text(&self, text: &str) -> TestResult {
        self.scroll_into_view()?;
        self.session
            .post(&self.path("value"), json!({"text": text}))
            .map(drop)
    }

    pub fn text(&self) -> TestResult<String> {
        let value = self.session.get(&self.path("text"))?;
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("element text is not a string: {value}"))
    }

    /// The element's `innerText`: its text as laid out, one line per block or grid cell.
    /// WebKitWebDriver's own element text (`text`) comes back empty for the children search
    /// results (rows inside a scrolling list), though they are on screen.
    pub fn rendered_text(&self) -> TestResult<String> {
        let text = self.property("innerText")?;
        Ok(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// A DOM property, e.g. an input's current `value`.
    pub fn property(&self, name: &str) -> TestResult<String> {
        let value = self.session.get(&self.path(&format!("property/{name}")))?;
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("property {name} is not a string: {value}"))
    }

    /// An HTML attribute, `None` when the element does not have it.
    pub fn attribute(&self, name: &str) -> TestResult<Option<String>> {
        let value = self.session.get(&self.path(&format!("attribute/{name}")))?;
        Ok(value.as_str().map(str::to_owned))
    }

    pub fn displayed(&self) -> TestResult<bool> {
        let value = self.session.get(&self.path("displayed"))?;
        value
            .as_bool()
            .ok_or_else(|| format!("displayed is not a boolean: {value}"))
    }
}
