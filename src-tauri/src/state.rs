//! What the app holds between commands: where the vault is, the open session if any, and when
//! the user was last active (for auto-lock).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tether_print::Prepared;
use tether_store::{Session, VaultPaths, DEFAULT_AUTO_LOCK_MINUTES};

use crate::ipc::vault::LockReason;
use crate::ipc::AppError;

#[derive(Debug)]
pub struct AppState {
    paths: VaultPaths,
    inner: Mutex<Inner>,
    /// Rendered printouts shown in a preview, by job number. Separate from `inner` so reading
    /// preview pages does not wait for the session; emptied whenever the vault locks, and each
    /// tied to the session that made it (a job rendered while its user locked and another
    /// unlocked is not the new user's to see).
    print_jobs: Mutex<PrintJobs>,
}

/// A preview the UI forgot to close must not hold a batch of a thousand pages forever.
const MAX_PRINT_JOBS: usize = 4;

#[derive(Debug, Default)]
struct PrintJobs {
    last: u32,
    jobs: BTreeMap<u32, (SessionEpoch, Arc<Prepared>)>,
}

/// Which unlock a session came from: counts every `set_session`, so two sessions (A's, then
/// B's after A locked) never share one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionEpoch(u64);

#[derive(Debug)]
struct Inner {
    session: Option<Session>,
    epoch: SessionEpoch,
    last_activity: Instant,
    auto_lock: Duration,
}

impl AppState {
    pub fn new(paths: VaultPaths) -> Self {
        AppState {
            paths,
            inner: Mutex::new(Inner {
                session: None,
                epoch: SessionEpoch(0),
                last_activity: Instant::now(),
                auto_lock: minutes(DEFAULT_AUTO_LOCK_MINUTES),
            }),
            print_jobs: Mutex::new(PrintJobs::default()),
        }
    }

    fn lock_print_jobs(&self) -> MutexGuard<'_, PrintJobs> {
        self.print_jobs.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Keeps a printout rendered in session `epoch` for its preview; returns its job number.
    /// `Locked` when the vault locked meanwhile, `NotFound` when another session has begun
    /// since (locking drops the session first, then the jobs, so a job added here is either
    /// seen gone or dropped by that lock).
    pub fn add_print_job(&self, prepared: Prepared, epoch: SessionEpoch) -> Result<u32, AppError> {
        let job = {
            let mut jobs = self.lock_print_jobs();
            jobs.last = jobs.last.wrapping_add(1).max(1);
            let job = jobs.last;
            jobs.jobs.insert(job, (epoch, Arc::new(prepared)));
            while jobs.jobs.len() > MAX_PRINT_JOBS {
                jobs.jobs.pop_first();
            }
            job
        };
        match self.current_epoch() {
            Some(now) if now == epoch => Ok(job),
            now => {
                self.close_print_job(job);
                Err(match now {
                    None => AppError::locked(),
                    Some(_) => AppError::not_found("print job", job.to_string()),
                })
            }
        }
    }

    /// A previewed printout of this session; `NotFound` once closed, after the vault locked,
    /// or when another session made it.
    pub fn print_job(&self, job: u32) -> Result<Arc<Prepared>, AppError> {
        let now = self.current_epoch().ok_or_else(AppError::locked)?;
        match self.lock_print_jobs().jobs.get(&job) {
            Some((made_in, prepared)) if *made_in == now => Ok(Arc::clone(prepared)),
            _ => Err(AppError::not_found("print job", job.to_string())),
        }
    }

    /// Runs `f` on the session with the previewed printout `job`, only if this session made
    /// it: saving A's preview under B's session is refused like any other job not found.
    pub fn with_print_job<T>(
        &self,
        job: u32,
        f: impl FnOnce(&mut Session, &Prepared) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let found = self.lock_print_jobs().jobs.get(&job).cloned();
        self.with_session_epoch(|s, now| match found {
            Some((made_in, prepared)) if made_in == now => f(s, &prepared),
            _ => Err(AppError::not_found("print job", job.to_string())),
        })
    }

    /// The open session's epoch; `None` when locked.
    pub fn current_epoch(&self) -> Option<SessionEpoch> {
        let inner = self.lock_inner();
        inner.session.as_ref().map(|_| inner.epoch)
    }

    pub fn close_print_job(&self, job: u32) {
        self.lock_print_jobs().jobs.remove(&job);
    }

    fn forget_print_jobs(&self) {
        self.lock_print_jobs().jobs.clear();
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

    /// Like `with_session`, also naming the session's epoch (for work that outlives the
    /// call: a print job rendered after the session is released).
    pub fn with_session_epoch<T>(
        &self,
        f: impl FnOnce(&mut Session, SessionEpoch) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut inner = self.lock_inner();
        inner.last_activity = Instant::now();
        let epoch = inner.epoch;
        let session = inner.session.as_mut().ok_or_else(AppError::locked)?;
        f(session, epoch)
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
        inner.epoch = SessionEpoch(inner.epoch.0.wrapping_add(1));
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
        let was_open = self.lock_inner().session.take().is_some();
        self.forget_print_jobs();
        was_open
    }

    /// Locks for `reason`; true when the window is to be told. The user's lock is at once and
    /// always told (the window returns to the unlock screen even if the vault was already
    /// locked); the idle lock happens, and is told, only once the auto-lock time has passed.
    pub fn lock_for(&self, reason: LockReason, now: Instant) -> bool {
        match reason {
            LockReason::User => {
                self.lock();
                true
            }
            LockReason::Idle => self.lock_if_idle(now),
        }
    }

    /// Locks when idle for longer than the auto-lock setting; true if it did.
    pub fn lock_if_idle(&self, now: Instant) -> bool {
        let mut inner = self.lock_inner();
        if inner.session.is_some() && now.duration_since(inner.last_activity) >= inner.auto_lock {
            inner.session = None;
            drop(inner);
            self.forget_print_jobs();
            return true;
        }
        false
    }
}

fn minutes(m: u32) -> Duration {
    Duration::from_secs(u64::from(m) * 60)
}
