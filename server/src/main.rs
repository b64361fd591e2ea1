//! `safeguarding-resolution-server [--listen HOST:PORT] [--policies DIR]
//! [--holidays FILE]`: see `--help` and `docs/service.md`.

use std::io::Write;
use std::process::ExitCode;

use safeguarding_resolution_server::args::{self, Command, Options, USAGE};
use safeguarding_resolution_server::{Service, Sources};
use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};

const NAME: &str = "safeguarding-resolution-server";

fn main() -> ExitCode {
    let options = match args::parse(std::env::args_os().skip(1)) {
        Ok(Command::Run(options)) => options,
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("{NAME} {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(problem) => {
            eprintln!("{NAME}: {problem}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    safeguarding_resolution_server::init_log(std::io::stderr);
    let sources = Sources {
        policies: options.policies.clone(),
        holidays: options.holidays.clone(),
    };
    let service = match Service::start(sources) {
        Ok(service) => service,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{NAME}: {problem}");
            }
            eprintln!(
                "{NAME}: not started: {} problem(s) with its files",
                problems.len()
            );
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("{NAME}: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(options, service))
}

async fn serve(options: Options, service: Service) -> ExitCode {
    let listener = match TcpListener::bind(options.listen.as_str()).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("{NAME}: cannot listen on {}: {e}", options.listen);
            return ExitCode::FAILURE;
        }
    };
    // The handlers are in place before the address is printed, so that a
    // signal sent once it is read is never the default (fatal) one.
    let (Ok(mut hangup), Ok(mut terminate), Ok(mut interrupt)) = (
        signal(SignalKind::hangup()),
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        eprintln!("{NAME}: cannot handle signals");
        return ExitCode::FAILURE;
    };
    let address = match listener.local_addr() {
        Ok(address) => address,
        Err(e) => {
            eprintln!("{NAME}: cannot read the address listened on: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout();
    if writeln!(stdout, "listening on http://{address}")
        .and_then(|()| stdout.flush())
        .is_err()
    {
        eprintln!("{NAME}: cannot write to stdout");
        return ExitCode::FAILURE;
    }
    let current = service.current();
    tracing::info!(
        address = %address,
        policies = current.policies.len(),
        holidays_version = %current.holidays_version,
        "listening"
    );
    drop(current);

    let reloading = service.clone();
    tokio::spawn(async move {
        while hangup.recv().await.is_some() {
            let service = reloading.clone();
            match tokio::task::spawn_blocking(move || service.reload()).await {
                Ok(Ok(loaded)) => tracing::info!(
                    policies = loaded.policies.len(),
                    holidays_version = %loaded.holidays_version,
                    "reloaded"
                ),
                Ok(Err(problems)) => {
                    for problem in &problems {
                        tracing::error!(
                            file = %problem.file,
                            path = problem.path.as_deref().map(tracing::field::display),
                            problem = %problem.message,
                            "reload refused"
                        );
                    }
                    tracing::error!(
                        problems = problems.len(),
                        "reload refused: the policies and holidays loaded before go on serving"
                    );
                }
                Err(_) => tracing::error!("reload failed: the state loaded before goes on serving"),
            }
        }
    });

    let stop = async move {
        tokio::select! {
            _ = terminate.recv() => tracing::info!(signal = "SIGTERM", "stopping"),
            _ = interrupt.recv() => tracing::info!(signal = "SIGINT", "stopping"),
        }
    };
    match safeguarding_resolution_server::serve_with(listener, service, options.limits, stop).await
    {
        Ok(()) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!(error = %e, "the server failed");
            ExitCode::FAILURE
        }
    }
}
