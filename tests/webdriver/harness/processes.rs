//! The processes behind a window test: Xvfb, tauri-driver (which starts WebKitWebDriver, which
//! starts the app), and the app's processes found again through their environment.

use std::fs;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::{TestResult, POLL_INTERVAL, SCREEN_TIMEOUT};

/// A helper process that is sent SIGTERM when dropped, falling back to SIGKILL.
pub struct Background {
    name: &'static str,
    child: Child,
    /// Kept open so the process never writes into a closed pipe.
    _stdout: Option<ChildStdout>,
}

impl Background {
    fn spawn(name: &'static str, command: &mut Command) -> TestResult<Background> {
        let child = command
            .spawn()
            .map_err(|e| format!("starting {name}: {e}"))?;
        Ok(Background {
            name,
            child,
            _stdout: None,
        })
    }

    fn has_exited(&mut self) -> bool {
        !matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        // SIGTERM, not SIGKILL: tauri-driver only stops its WebKitWebDriver when it can clean up,
        // and Xvfb removes its lock file and socket. `kill` the command, since this crate has no
        // unsafe code to call libc with.
        let pid = self.child.id().to_string();
        let _ = Command::new("kill")
            .args(["-TERM", &pid])
            .stderr(Stdio::null())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if self.has_exited() {
                return;
            }
            thread::sleep(POLL_INTERVAL);
        }
        eprintln!("{} (pid {pid}) ignored SIGTERM; killing it", self.name);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Display {
    pub process: Background,
    number: u32,
}

/// Starts Xvfb on a display number it picks itself (`-displayfd`), which cannot collide with
/// another test or a desktop session the way a guessed number can.
pub fn start_xvfb() -> TestResult<Display> {
    let mut process = Background::spawn(
        "Xvfb",
        Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    )?;
    let stdout = process
        .child
        .stdout
        .take()
        .ok_or("Xvfb has no stdout pipe")?;
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    // Xvfb writes the number once it accepts connections; EOF means it failed to start.
    reader
        .read_line(&mut line)
        .map_err(|e| format!("reading Xvfb's display number: {e}"))?;
    let number = line
        .trim()
        .parse()
        .map_err(|_| format!("Xvfb did not report a display number (got {line:?})"))?;
    process._stdout = Some(reader.into_inner());
    Ok(Display { process, number })
}

/// Starts tauri-driver on free ports, with the app's environment. Retries with new ports if it
/// exits at once, since a free port can be taken by someone else before tauri-driver binds it.
/// `fonts`, when given, is the FONTCONFIG_FILE of the app: tauri-driver's environment is passed
/// on to WebKitWebDriver, to the app it launches and to the app's WebKit processes.
pub fn start_tauri_driver(
    display: &Display,
    home: &Path,
    vault: &Path,
    fonts: Option<&Path>,
) -> TestResult<(Background, u16)> {
    let mut last_error = String::new();
    for _attempt in 0..3 {
        let (port, native_port) = two_free_ports()?;
        let mut command = Command::new(tauri_driver_path());
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", format!(":{}", display.number))
            .env("TETHER_VAULT", vault)
            // The webview keeps local storage (the language choice) and caches under HOME/XDG:
            // isolate them per test, and keep them inside the folder searched for the canary.
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            // The UI picks its first language from the system's: make that English.
            .env("LANGUAGE", "en_US")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            // No accessibility bus in a headless run; without this GTK waits for it.
            .env("NO_AT_BRIDGE", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(config) = fonts {
            command.env("FONTCONFIG_FILE", config);
        }
        let mut driver = Background::spawn("tauri-driver", &mut command)?;
        match wait_for_port(&mut driver, port) {
            Ok(()) => return Ok((driver, port)),
            Err(e) => last_error = e,
        }
    }
    Err(format!("tauri-driver did not start: {last_error}"))
}

fn tauri_driver_path() -> PathBuf {
    // `cargo install` puts it in ~/.cargo/bin, which is not always on a test runner's PATH.
    let installed = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|cargo| cargo.join("bin").join("tauri-driver"));
    match installed {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

/// Two distinct free TCP ports, both held until both are chosen so they differ.
fn two_free_ports() -> TestResult<(u16, u16)> {
    let bind = || TcpListener::bind("127.0.0.1:0").map_err(|e| format!("finding a free port: {e}"));
    let (a, b) = (bind()?, bind()?);
    let port = |l: &TcpListener| {
        l.local_addr()
            .map(|a| a.port())
            .map_err(|e| format!("reading a port: {e}"))
    };
    Ok((port(&a)?, port(&b)?))
}

fn wait_for_port(driver: &mut Background, port: u16) -> TestResult {
    let deadline = Instant::now() + SCREEN_TIMEOUT;
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        if driver.has_exited() {
            return Err(format!(
                "tauri-driver exited before listening on port {port}"
            ));
        }
        thread::sleep(POLL_INTERVAL);
    }
    Err(format!(
        "tauri-driver is not listening on port {port} after {SCREEN_TIMEOUT:?}"
    ))
}

/// A process started for one test's vault: it has `TETHER_VAULT=<vault>` in its environment.
struct VaultProcess {
    pid: String,
    /// The command name (`/proc/<pid>/comm`), e.g. `tether-app` or `WebKitWebProces`.
    name: String,
    environ: Vec<u8>,
}

impl VaultProcess {
    fn has_var(&self, var: &[u8]) -> bool {
        self.environ.split(|&b| b == 0).any(|v| v == var)
    }
}

/// Every process running with `TETHER_VAULT=<vault>` in its environment: this test's
/// tauri-driver, WebKitWebDriver, app and WebKit processes (other tests use other vaults).
fn vault_processes(vault: &Path) -> TestResult<Vec<VaultProcess>> {
    let marker = format!("TETHER_VAULT={}", vault.display()).into_bytes();
    let procs = fs::read_dir("/proc").map_err(|e| format!("listing /proc: {e}"))?;
    Ok(procs
        .filter_map(Result::ok)
        .filter(|p| {
            p.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        // Unreadable (exited meanwhile, or a zombie, which holds no files) counts as gone.
        .filter_map(|p| {
            let environ = fs::read(p.path().join("environ")).ok()?;
            let name = fs::read_to_string(p.path().join("comm")).unwrap_or_default();
            Some(VaultProcess {
                pid: p.file_name().to_string_lossy().into_owned(),
                name: name.trim_end().to_owned(),
                environ,
            })
        })
        .filter(|p| p.has_var(&marker))
        .collect())
}

/// Waits until no process runs with `TETHER_VAULT=<vault>` in its environment, i.e. this
/// test's app (and only it: other tests use other vaults) has exited.
pub fn wait_for_app_exit(vault: &Path) -> TestResult {
    let deadline = Instant::now() + SCREEN_TIMEOUT;
    loop {
        let pids: Vec<String> = vault_processes(vault)?.into_iter().map(|p| p.pid).collect();
        if pids.is_empty() {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(format!(
                "the app still runs after its session ended: pids {pids:?}"
            ));
        }
        thread::sleep(POLL_INTERVAL);
    }
}

/// Checks that `key=value`, set on tauri-driver, reached the app itself: the app is among the
/// processes of this vault, and every one of them has it.
pub fn expect_app_env(vault: &Path, key: &str, value: &Path) -> TestResult {
    let var = format!("{key}={}", value.display()).into_bytes();
    let processes = vault_processes(vault)?;
    let without: Vec<String> = processes
        .iter()
        .filter(|p| !p.has_var(&var))
        .map(|p| format!("{} (pid {})", p.name, p.pid))
        .collect();
    if !without.is_empty() {
        return Err(format!("{key} did not reach {without:?}"));
    }
    if !processes.iter().any(|p| p.name == "tether-app") {
        return Err(format!("no tether-app runs on {}", vault.display()));
    }
    Ok(())
}
