//! The real binary in a pseudo-terminal, for the tests that drive it as a user would: the
//! interface's (`tests/tui.rs`), the scan's `open` (`tests/scan.rs`) and the hostile-input
//! ones (`tests/hostile.rs`).
//!
//! One [`Session`] starts `quotediff` in a terminal of a given size with the test's folder as
//! its config and data folders, keeps its screen through a terminal emulator (vt100) and every
//! byte it wrote, types keys, waits for text, and checks that the terminal was left as the
//! shell had it. Each test file used to open its own pseudo-terminal with the same dozen lines.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

/// How long a test waits for the program to show something or to end.
const PATIENCE: Duration = Duration::from_secs(15);

/// One run of `quotediff` in its own terminal.
pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote to the terminal.
    output: Arc<Mutex<Vec<u8>>>,
    /// Set once the terminal is closed: the program and all it started have ended.
    closed: Arc<AtomicBool>,
}

impl Session {
    /// `quotediff ARGS` started in `dir`, in a terminal of `rows` by `cols`, with `dir` as its
    /// config and data folders (no user config, the bundled pair's review kept in the test's
    /// folder), without the developer's `NO_COLOR`, and with `env` set.
    pub fn start(
        dir: &Path,
        args: &[&str],
        (rows, cols): (u16, u16),
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(size(rows, cols))
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_quotediff"));
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", dir);
        cmd.env("XDG_DATA_HOME", dir);
        cmd.env_remove("NO_COLOR");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("start quotediff");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let output = Arc::new(Mutex::new(Vec::new()));
        let closed = Arc::new(AtomicBool::new(false));
        let mut reader = pty.master.try_clone_reader().expect("read the terminal");
        let (feed, record, close) = (
            Arc::clone(&screen),
            Arc::clone(&output),
            Arc::clone(&closed),
        );
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
                record.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            close.store(true, Ordering::SeqCst);
        });
        let writer = pty.master.take_writer().expect("write to the terminal");
        Session {
            child,
            master: pty.master,
            writer,
            screen,
            output,
            closed,
        }
    }

    /// The terminal emulator, as the program left it so far.
    pub fn parser(&self) -> MutexGuard<'_, vt100::Parser> {
        self.screen.lock().unwrap()
    }

    /// The text on the screen.
    pub fn contents(&self) -> String {
        self.parser().screen().contents()
    }

    /// Waits until the screen shows `text`; fails with the screen when it does not.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.contents();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "the screen never showed {text:?}; it shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.parser().screen_mut().set_size(rows, cols);
        self.master
            .resize(size(rows, cols))
            .expect("resize the terminal");
    }

    pub fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the program to end; its exit code.
    pub fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("quotediff did not exit; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Everything the program wrote, once it has ended and the terminal is closed.
    pub fn output(&mut self) -> Vec<u8> {
        self.exit_code();
        let deadline = Instant::now() + PATIENCE;
        while !self.closed.load(Ordering::SeqCst) {
            assert!(Instant::now() < deadline, "the terminal stayed open");
            std::thread::sleep(Duration::from_millis(10));
        }
        self.output.lock().unwrap().clone()
    }

    /// The terminal's line settings now.
    #[cfg(unix)]
    pub fn termios(&self) -> libc::termios {
        let fd = self.master.as_raw_fd().expect("the terminal's descriptor");
        // SAFETY: tcgetattr only writes into the zeroed struct we own.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
        t
    }

    /// The terminal is as the shell left it: main screen, cursor shown, no mouse
    /// reporting, line editing and echo back on.
    pub fn assert_restored(&self) {
        // Let the last bytes arrive.
        std::thread::sleep(Duration::from_millis(200));
        {
            let parser = self.parser();
            let screen = parser.screen();
            assert!(!screen.alternate_screen(), "still on the alternate screen");
            assert!(!screen.hide_cursor(), "cursor still hidden");
            assert_eq!(
                screen.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "mouse reporting left on"
            );
        }
        #[cfg(unix)]
        {
            let t = self.termios();
            assert_ne!(t.c_lflag & libc::ICANON, 0, "raw mode left on");
            assert_ne!(t.c_lflag & libc::ECHO, 0, "echo left off");
        }
    }
}

impl Drop for Session {
    /// A failed test leaves no quotediff running behind it.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}
