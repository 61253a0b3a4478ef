//! IPC types for addresses volunteers reported on calls, waiting for a case manager.

use serde::Serialize;
use specta::Type;
use tether_store::casework as views;

use super::cases::{address_view, AddressView};
use super::ids::{ipc_id, IdOutOfRange};

/// One reported address: what the volunteer heard, beside the address on file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PendingAddress {
    pub id: u32,
    pub sponsor_id: u32,
    pub sponsor_name: String,
    pub child_id: Option<u32>,
    pub case_number: Option<String>,
    pub reported_by: String,
    /// The sponsor's local day of the call.
    pub reported_on: String,
    pub address: AddressView,
    pub current_address: AddressView,
    /// `pending`, `confirmed` or `rejected`.
    pub status: String,
    pub decided_by: Option<String>,
    pub decided_on: Option<String>,
    pub reason: Option<String>,
}

impl TryFrom<views::PendingAddressView> for PendingAddress {
    type Error = IdOutOfRange;
    fn try_from(p: views::PendingAddressView) -> Result<Self, Self::Error> {
        Ok(PendingAddress {
            id: ipc_id(p.id)?,
            sponsor_id: ipc_id(p.sponsor_id)?,
            sponsor_name: p.sponsor_name,
            child_id: p.child_id.map(ipc_id).transpose()?,
            case_number: p.case_number,
            reported_by: p.reported_by,
            reported_on: p.reported_on,
            address: address_view(p.address),
            current_address: address_view(p.current_address),
            status: p.status,
            decided_by: p.decided_by,
            decided_on: p.decided_on,
            reason: p.reason,
        })
    }
}
