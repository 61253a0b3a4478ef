//! When the window's web view dies or hangs, say so and offer to reload it, instead of leaving
//! a frozen window with no message.
//!
//! Tauri 2 has no event of its own for this; on Linux, WebKitGTK (reached through
//! `WebviewWindow::with_webview` → `PlatformWebview::inner()`) has the signals:
//! `web-process-terminated` (the web process crashed, ran out of memory, or was killed) and the
//! `is-web-process-responsive` property (it stopped answering). Either one opens a native
//! dialog (drawn by GTK, not by the dead web view), in English and Spanish since the window's
//! language setting lives in the web view; "Reload" starts a new web process on the same page.
//! The vault stays as it was: the Rust side holds the session and its auto-lock, and the
//! reloaded window asks the backend where it stands. On other systems this is not installed
//! (each has its own signal; a UI heartbeat would be the portable fallback).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// What happened to the web view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// The web process ended: it crashed, ran out of memory, or was killed.
    Ended,
    /// The web process stopped answering.
    Unresponsive,
}

/// The dialog's title, message and buttons (reload, wait), in English and Spanish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub title: &'static str,
    pub message: &'static str,
    pub reload: &'static str,
    pub wait: &'static str,
}

/// What the dialog says for `trouble`: what happened, that nothing was lost, what to do.
pub fn prompt(trouble: Trouble) -> Prompt {
    let (title, message) = match trouble {
        Trouble::Ended => (
            "Tether's window stopped / La ventana de Tether se detuvo",
            "The window's display stopped working, so it cannot show anything or answer clicks. \
             Nothing was lost: the vault and what you saved are as they were. Reload the window \
             to go on (you may have to sign in again).\n\n\
             La pantalla de la ventana dejó de funcionar, así que no puede mostrar nada ni \
             responder a los clics. No se perdió nada: la bóveda y lo que guardó siguen igual. \
             Recargue la ventana para continuar (quizás deba iniciar sesión otra vez).",
        ),
        Trouble::Unresponsive => (
            "Tether's window is not responding / La ventana de Tether no responde",
            "The window has stopped answering. It may still recover: wait a moment, or reload it \
             now. Nothing saved is lost; something typed and not yet saved may be.\n\n\
             La ventana dejó de responder. Puede que se recupere: espere un momento o recárguela \
             ahora. No se pierde nada de lo guardado; lo que escribió y aún no guardó, quizás sí.",
        ),
    };
    Prompt {
        title,
        message,
        reload: "Reload / Recargar",
        wait: "Wait / Esperar",
    }
}

/// One prompt at a time: a hung web view notifies again and again, and a crash can follow a
/// hang; the second alarm while a dialog is open is dropped.
#[derive(Debug, Clone, Default)]
pub struct OnePrompt(Arc<AtomicBool>);

impl OnePrompt {
    /// `true` when no prompt is open (and marks one open).
    pub fn begin(&self) -> bool {
        !self.0.swap(true, Ordering::SeqCst)
    }

    /// The open prompt was answered.
    pub fn end(&self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// Watches every window's web view (Linux; elsewhere nothing to install).
pub fn install(app: &tauri::AppHandle) {
    #[cfg(target_os = "linux")]
    linux::install(app);
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

#[cfg(target_os = "linux")]
mod linux {
    use tauri::Manager;
    use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};
    use webkit2gtk::WebViewExt;

    use super::{prompt, OnePrompt, Trouble};

    pub(super) fn install(app: &tauri::AppHandle) {
        for (_, window) in app.webview_windows() {
            let once = OnePrompt::default();
            let for_signals = window.clone();
            let result = window.with_webview(move |platform| {
                let view = platform.inner();
                let (ended, hung) = (for_signals.clone(), for_signals);
                let (once_ended, once_hung) = (once.clone(), once);
                view.connect_web_process_terminated(move |_, _reason| {
                    offer_reload(&ended, Trouble::Ended, &once_ended);
                });
                view.connect_is_web_process_responsive_notify(move |view| {
                    if !view.is_web_process_responsive() {
                        offer_reload(&hung, Trouble::Unresponsive, &once_hung);
                    }
                });
            });
            if let Err(e) = result {
                eprintln!("tether: cannot watch the window's web view: {e}");
            }
        }
    }

    fn offer_reload(window: &tauri::WebviewWindow, trouble: Trouble, once: &OnePrompt) {
        if !once.begin() {
            return;
        }
        let text = prompt(trouble);
        let (window, once) = (window.clone(), once.clone());
        window
            .app_handle()
            .dialog()
            .message(text.message)
            .title(text.title)
            .kind(MessageDialogKind::Warning)
            .buttons(MessageDialogButtons::OkCancelCustom(
                text.reload.to_owned(),
                text.wait.to_owned(),
            ))
            .show(move |reload| {
                once.end();
                if reload {
                    if let Err(e) = window.reload() {
                        eprintln!("tether: the window could not be reloaded: {e}");
                    }
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_trouble_says_what_happened_and_what_to_do_in_both_languages() {
        for trouble in [Trouble::Ended, Trouble::Unresponsive] {
            let p = prompt(trouble);
            let nothing_lost = p.message.contains("Nothing")
                && (p.message.contains("No se perdió") || p.message.contains("No se pierde"));
            assert!(nothing_lost, "{p:?}");
            let says_reload = p.message.contains("eload")
                && (p.message.contains("Recargue") || p.message.contains("recárguela"));
            assert!(says_reload, "{p:?}");
            assert_eq!((p.reload, p.wait), ("Reload / Recargar", "Wait / Esperar"));
            assert!(p.title.contains(" / "), "{p:?}");
        }
        assert_ne!(
            prompt(Trouble::Ended).title,
            prompt(Trouble::Unresponsive).title
        );
    }

    #[test]
    fn a_second_alarm_while_the_dialog_is_open_is_dropped() {
        let once = OnePrompt::default();
        assert!(once.begin());
        assert!(
            !once.begin(),
            "a hung view notifying again opens no second dialog"
        );
        once.end();
        assert!(
            once.begin(),
            "after the answer, a new trouble is offered again"
        );
    }
}
