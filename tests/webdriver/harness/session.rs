//! A minimal W3C WebDriver client: one session with the app, finding elements and waiting for
//! the page to change, screenshots.

use std::fs;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::element::{Element, ELEMENT_KEY};
use super::{TestResult, POLL_INTERVAL, SESSION_TIMEOUT};

/// A WebDriver session: tauri-driver starts the app for it and closes the app when it ends.
pub struct Session {
    agent: ureq::Agent,
    /// `http://127.0.0.1:<port>/session/<id>`
    url: String,
    deleted: std::cell::Cell<bool>,
}

impl Session {
    /// A session with `app_binary`, through the tauri-driver on `port`.
    pub fn new(port: u16, app_binary: &Path) -> TestResult<Session> {
        let agent = ureq::AgentBuilder::new().timeout(SESSION_TIMEOUT).build();
        let base = format!("http://127.0.0.1:{port}");
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": app_binary},
        }}});
        let value = send(agent.post(&format!("{base}/session")), Some(capabilities))?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| format!("new session without a sessionId: {value}"))?;
        Ok(Session {
            agent,
            url: format!("{base}/session/{id}"),
            deleted: std::cell::Cell::new(false),
        })
    }

    pub(super) fn get(&self, path: &str) -> TestResult<Value> {
        send(self.agent.get(&format!("{}{path}", self.url)), None)
    }

    pub(super) fn post(&self, path: &str, body: Value) -> TestResult<Value> {
        send(self.agent.post(&format!("{}{path}", self.url)), Some(body))
    }

    /// The element with `data-testid="<testid>"`, now.
    pub fn find(&self, testid: &str) -> TestResult<Element<'_>> {
        self.find_css(&testid_selector(testid))
    }

    pub fn find_css(&self, selector: &str) -> TestResult<Element<'_>> {
        self.try_find_css(selector)?
            .ok_or_else(|| format!("no element matches {selector}"))
    }

    /// `Ok(None)` when nothing matches; `Err` when WebDriver itself failed.
    pub fn try_find_css(&self, selector: &str) -> TestResult<Option<Element<'_>>> {
        match self.post(
            "/element",
            json!({"using": "css selector", "value": selector}),
        ) {
            Ok(value) => {
                let id = value[ELEMENT_KEY]
                    .as_str()
                    .ok_or_else(|| format!("element reply without an id: {value}"))?;
                Ok(Some(Element::new(self, id)))
            }
            Err(e) if e.contains("no such element") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every element matching `selector`, in document order (none is not an error).
    pub fn find_all_css(&self, selector: &str) -> TestResult<Vec<Element<'_>>> {
        let value = self.post(
            "/elements",
            json!({"using": "css selector", "value": selector}),
        )?;
        let items = value
            .as_array()
            .ok_or_else(|| format!("elements reply is not a list: {value}"))?;
        items
            .iter()
            .map(|item| {
                let id = item[ELEMENT_KEY]
                    .as_str()
                    .ok_or_else(|| format!("element reply without an id: {item}"))?;
                Ok(Element::new(self, id))
            })
            .collect()
    }

    pub fn exists(&self, testid: &str) -> TestResult<bool> {
        Ok(self.try_find_css(&testid_selector(testid))?.is_some())
    }

    /// Waits for the element with `data-testid="<testid>"` to be in the page: the UI renders
    /// asynchronously after every backend call.
    pub fn wait_for(&self, testid: &str, timeout: Duration) -> TestResult<Element<'_>> {
        let selector = testid_selector(testid);
        self.wait_until(timeout, &selector, || self.try_find_css(&selector))
    }

    /// Polls `check` until it returns `Some`; on timeout, the error shows what the page said.
    pub fn wait_until<T>(
        &self,
        timeout: Duration,
        what: &str,
        mut check: impl FnMut() -> TestResult<Option<T>>,
    ) -> TestResult<T> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(found) = check()? {
                return Ok(found);
            }
            if Instant::now() >= deadline {
                let page = self
                    .find_css("body")
                    .and_then(|b| b.text())
                    .unwrap_or_default();
                return Err(format!(
                    "waited {timeout:?} for {what}; the page shows:\n{page}"
                ));
            }
            thread::sleep(POLL_INTERVAL);
        }
    }

    /// Runs `script` in the page with `args` (elements as [`Element::reference`]); returns
    /// what it returns.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> TestResult<Value> {
        self.post("/execute/sync", json!({"script": script, "args": args}))
    }

    /// Runs `script` asynchronously: it ends by calling its last argument with the result.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> TestResult<Value> {
        self.post("/execute/async", json!({"script": script, "args": args}))
    }

    /// Presses keys as a person would, wherever focus is: each item is one key (a WebDriver key
    /// code such as [`super::KEY_TAB`] or a character), and `shift` holds Shift around all of
    /// them.
    pub fn press_keys(&self, keys: &[&str], shift: bool) -> TestResult {
        let mut actions = Vec::new();
        if shift {
            actions.push(json!({"type": "keyDown", "value": super::KEY_SHIFT}));
        }
        for key in keys {
            actions.push(json!({"type": "keyDown", "value": key}));
            actions.push(json!({"type": "keyUp", "value": key}));
        }
        if shift {
            actions.push(json!({"type": "keyUp", "value": super::KEY_SHIFT}));
        }
        self.post(
            "/actions",
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        )
        .map(drop)
    }

    /// Waits until the webview has painted the current DOM. Painting can trail the DOM by
    /// seconds on a loaded machine with software rendering, and a screenshot shows the last
    /// painted frame: without this, "the unlock screen" came out as the first-run screen.
    fn wait_for_paint(&self) -> TestResult {
        // The second animation frame starts only after the first one's frame was produced.
        let script = "const done = arguments[arguments.length - 1];\n\
                      requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.post("/execute/async", json!({"script": script, "args": []}))
            .map(drop)
    }

    /// The window as PNG bytes, once the page on screen matches the DOM.
    pub fn screenshot(&self) -> TestResult<Vec<u8>> {
        self.wait_for_paint()?;
        // Two frames are not always enough: once in a few runs the dialog just opened was still
        // missing from the picture. Let the compositor catch up, then wait for a frame again.
        thread::sleep(Duration::from_millis(300));
        self.wait_for_paint()?;
        let value = self.get("/screenshot")?;
        let encoded = value
            .as_str()
            .ok_or_else(|| format!("screenshot is not a string: {value}"))?;
        let png = decode_base64(encoded)?;
        if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err("the screenshot is not a PNG".to_owned());
        }
        Ok(png)
    }

    /// Ends the session, which closes the app.
    pub fn delete(&self) -> TestResult {
        if self.deleted.replace(true) {
            return Ok(());
        }
        send(self.agent.delete(&self.url), None).map(drop)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Best effort on the failure path; tauri-driver's SIGTERM closes the app regardless.
        let _ = self.delete();
    }
}

pub fn testid_selector(testid: &str) -> String {
    format!(r#"[data-testid="{testid}"]"#)
}

/// Sends a WebDriver request and returns the reply's `value`, or the WebDriver error as text
/// (`"<error>: <message>"`, so callers can recognise e.g. `no such element`).
fn send(request: ureq::Request, body: Option<Value>) -> TestResult<Value> {
    let what = format!("{} {}", request.method(), request.url());
    let reply = match body {
        Some(body) => request.send_json(body),
        None => request.call(),
    };
    let response = match reply {
        Ok(response) => response,
        Err(ureq::Error::Status(code, response)) => {
            let body: Value = response.into_json().unwrap_or(Value::Null);
            let error = body["value"]["error"].as_str().unwrap_or("unknown error");
            let message = body["value"]["message"].as_str().unwrap_or("");
            return Err(format!("{error}: {message} ({what} → HTTP {code})"));
        }
        Err(e) => return Err(format!("{what}: {e}")),
    };
    let body: Value = response
        .into_json()
        .map_err(|e| format!("{what}: reply is not JSON: {e}"))?;
    Ok(body["value"].clone())
}

/// Standard base64 (with padding), as WebDriver screenshots use; small enough not to need a crate.
fn decode_base64(text: &str) -> TestResult<Vec<u8>> {
    fn sextet(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let symbols: Vec<u8> = text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(symbols.len() * 3 / 4);
    for chunk in symbols.chunks(4) {
        let mut bits = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = sextet(c).ok_or_else(|| format!("invalid base64 character {:?}", c as char))?;
            bits |= v << (18 - 6 * i);
        }
        let bytes = bits.to_be_bytes();
        // 4 symbols carry 3 bytes, 3 carry 2, 2 carry 1.
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Ok(out)
}

/// Refreshes the documentation's screenshot only when asked (`TETHER_SCREENSHOTS=1`), so that
/// ordinary test runs never modify the working tree.
pub fn save_screenshot_if_asked(s: &Session, name: &str) -> TestResult {
    if std::env::var("TETHER_SCREENSHOTS").as_deref() != Ok("1") {
        return Ok(());
    }
    let png = s.screenshot()?;
    let dir = tether_tests::repo_root().join("docs").join("screenshots");
    fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let path = dir.join(name);
    fs::write(&path, png).map_err(|e| format!("writing {}: {e}", path.display()))?;
    eprintln!("screenshot saved to {}", path.display());
    Ok(())
}
