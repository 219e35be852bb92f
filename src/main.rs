//! The `unscrape` command: see `unscrape --help`.

mod cli;
mod explain;
mod progress;

fn main() {
    std::process::exit(cli::run());
}
