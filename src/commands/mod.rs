//! The bodies of the subcommands that are more than a call into the library, so `main.rs` only
//! dispatches.

pub mod add;
pub mod docs;
