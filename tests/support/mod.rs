//! Shared helpers for the integration tests.
//!
//! Each test binary compiles this module on its own and uses only part of it, so unused-item
//! warnings here say nothing about the code.
#![allow(dead_code)]

pub mod corpus;
pub mod docs;
pub mod first_hour;
pub mod invariants;
pub mod night_ferry;
pub mod pty;
pub mod seed;
pub mod text_browsers;
pub mod text_dump;
pub mod text_unwrap;
