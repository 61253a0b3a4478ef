//! What the app holds between commands: where the vault is, the open session if any, and when
//! the user was last active (for auto-lock).

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tether_store::{Session, VaultPaths, DEFAULT_AUTO_LOCK_MINUTES};

use crate::ipc::AppError;

#[derive(Debug)]
pub struct AppState {
    paths: VaultPaths,
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    session: Option<Session>,
    last_activity: Instant,
    auto_lock: Duration,
}

impl AppState {
    pub fn new(paths: VaultPaths) -> Self {
        AppState {
            paths,
            inner: Mutex::new(Inner {
                session: None,
                last_activity: Instant::now(),
                auto_lock: minutes(DEFAULT_AUTO_LOCK_MINUTES),
            }),
        }
    }

    pub fn paths(&self) -> &VaultPaths {
        &self.paths
    }

    fn lock_inner(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock must not brick the app: the data is still consistent
        // (the session is either there or not).
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` on the open session, counting it as activity; `Locked` when there is none.
    pub fn with_session<T>(
        &self,
        f: impl FnOnce(&mut Session) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut inner = self.lock_inner();
        inner.last_activity = Instant::now();
        let session = inner.session.as_mut().ok_or_else(AppError::locked)?;
        f(session)
    }

    /// Like `with_session`, but not user activity: background checks must not keep the vault
    /// from locking itself. `None` when locked.
    pub fn peek_session<T>(&self, f: impl FnOnce(&mut Session) -> T) -> Option<T> {
        let mut inner = self.lock_inner();
        inner.session.as_mut().map(f)
    }

    pub fn is_unlocked(&self) -> bool {
        self.lock_inner().session.is_some()
    }

    pub fn set_session(&self, session: Session, auto_lock_minutes: u32) {
        let mut inner = self.lock_inner();
        inner.session = Some(session);
        inner.last_activity = Instant::now();
        inner.auto_lock = minutes(auto_lock_minutes);
    }

    pub fn set_auto_lock(&self, auto_lock_minutes: u32) {
        self.lock_inner().auto_lock = minutes(auto_lock_minutes);
    }

    pub fn touch(&self) {
        self.lock_inner().last_activity = Instant::now();
    }

    /// Drops the session: the connection closes and the data key is zeroized.
    pub fn lock(&self) -> bool {
        self.lock_inner().session.take().is_some()
    }

    /// Locks when idle for longer than the auto-lock setting; true if it did.
    pub fn lock_if_idle(&self, now: Instant) -> bool {
        let mut inner = self.lock_inner();
        if inner.session.is_some() && now.duration_since(inner.last_activity) >= inner.auto_lock {
            inner.session = None;
            return true;
        }
        false
    }
}

fn minutes(m: u32) -> Duration {
    Duration::from_secs(u64::from(m) * 60)
}
