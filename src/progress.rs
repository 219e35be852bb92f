//! The progress bar of a bulk run: on stderr when it is a terminal, silent otherwise.

use std::io::IsTerminal;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use unscrape::bulk::Progress;

/// Runs `work`, showing its progress when `show` and stderr is a terminal: bytes of input
/// read against `total_bytes` (with an ETA) when the size is known, else documents and MB.
pub fn show_while<T>(
    show: bool,
    total_bytes: Option<u64>,
    progress: &Progress,
    work: impl FnOnce() -> T + Send,
) -> T
where
    T: Send,
{
    if !show || !std::io::stderr().is_terminal() {
        return work();
    }
    let bar = match total_bytes {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template(
                "{bar:30} {bytes}/{total_bytes} {msg} {bytes_per_sec} ETA {eta}",
            )
            .expect("the template is valid"),
        ),
        None => ProgressBar::no_length().with_style(
            ProgressStyle::with_template("{spinner} {bytes} read {msg} {bytes_per_sec}")
                .expect("the template is valid"),
        ),
    };
    let (finished, wait) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        let bar = &bar;
        scope.spawn(move || {
            while let Err(RecvTimeoutError::Timeout) = wait.recv_timeout(TICK) {
                bar.set_position(progress.input_bytes.load(Ordering::Relaxed));
                bar.set_message(format!(
                    "{} docs",
                    progress.documents.load(Ordering::Relaxed)
                ));
            }
            bar.finish_and_clear();
        });
        let result = work();
        drop(finished);
        result
    })
}

/// How often the bar is redrawn.
const TICK: Duration = Duration::from_millis(200);
