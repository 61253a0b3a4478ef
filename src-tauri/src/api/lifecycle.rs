//! A case's life and its sponsor's record: close, reopen, void, merge, assign, the link to the
//! sponsor, and editing and merging sponsors. Thin: each is one `Session` call.

use crate::ipc::cases::{ChildDetail, HouseholdMember, SponsorDetail, SponsorForm, SponsorInput};
use crate::ipc::ids::store_id;
use crate::ipc::AppError;
use crate::state::AppState;

pub fn close_child(
    state: &AppState,
    id_or_case: String,
    reason: String,
    note: Option<String>,
) -> Result<ChildDetail, AppError> {
    state.with_session(|s| {
        Ok(s.close_child(&id_or_case, &reason, note.as_deref())?
            .try_into()?)
    })
}

pub fn reopen_child(
    state: &AppState,
    id_or_case: String,
    note: String,
) -> Result<ChildDetail, AppError> {
    state.with_session(|s| Ok(s.reopen_child(&id_or_case, &note)?.try_into()?))
}

pub fn void_child(
    state: &AppState,
    id_or_case: String,
    reason: String,
) -> Result<ChildDetail, AppError> {
    state.with_session(|s| Ok(s.void_child(&id_or_case, &reason)?.try_into()?))
}

pub fn merge_children(
    state: &AppState,
    keep: String,
    dup: String,
) -> Result<ChildDetail, AppError> {
    state.with_session(|s| Ok(s.merge_children(&keep, &dup)?.try_into()?))
}

pub fn assign_child(
    state: &AppState,
    id_or_case: String,
    user: String,
) -> Result<ChildDetail, AppError> {
    state.with_session(|s| Ok(s.assign_child(&id_or_case, &user)?.try_into()?))
}

pub fn link_sponsor(
    state: &AppState,
    id_or_case: String,
    sponsor_id: Option<u32>,
    category: Option<String>,
    relationship: Option<String>,
) -> Result<ChildDetail, AppError> {
    state.with_session(|s| {
        Ok(s.link_sponsor(
            &id_or_case,
            sponsor_id.map(store_id),
            category.as_deref(),
            relationship.as_deref(),
        )?
        .try_into()?)
    })
}

pub fn get_sponsor(state: &AppState, sponsor_id: u32) -> Result<SponsorDetail, AppError> {
    state.with_session(|s| Ok(s.show_sponsor(store_id(sponsor_id))?.try_into()?))
}

pub fn sponsor_form(state: &AppState, sponsor_id: u32) -> Result<SponsorForm, AppError> {
    state.with_session(|s| {
        let (input, household) = s.sponsor_form(store_id(sponsor_id))?;
        Ok(SponsorForm {
            input: input.into(),
            household: household
                .into_iter()
                .map(|m| HouseholdMember {
                    name: m.name,
                    relationship: m.relationship,
                })
                .collect(),
        })
    })
}

pub fn update_sponsor(
    state: &AppState,
    sponsor_id: u32,
    input: SponsorInput,
    household: Vec<HouseholdMember>,
) -> Result<SponsorDetail, AppError> {
    let household: Vec<_> = household.into_iter().map(Into::into).collect();
    state.with_session(|s| {
        Ok(
            s.update_sponsor(store_id(sponsor_id), &input.into(), &household)?
                .try_into()?,
        )
    })
}

pub fn merge_sponsors(state: &AppState, keep: u32, dup: u32) -> Result<SponsorDetail, AppError> {
    state.with_session(|s| {
        Ok(s.merge_sponsors(store_id(keep), store_id(dup))?
            .try_into()?)
    })
}
