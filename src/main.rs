//! The `unscrape` command: see `unscrape --help`.

mod bench;
mod cli;
mod explain;
mod progress;

fn main() {
    std::process::exit(cli::run());
}
