use super::*;

fn pass(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

#[test]
fn slot_opens_only_with_its_name_and_passphrase() -> Result<()> {
    let key = DataKey::generate();
    let mut file = KeySlotFile::new();
    let id = file.add_slot("maría", &pass("correct horse battery"), &key)?;
    let opened = file.open("maría", &pass("correct horse battery"))?;
    assert_eq!(opened.slot_id, id);
    assert_eq!(opened.data_keys[0].bytes(), key.bytes());
    assert!(matches!(
        file.open("maría", &pass("wrong horse battery")),
        Err(StoreError::WrongCredentials)
    ));
    assert!(matches!(
        file.open("jose", &pass("correct horse battery")),
        Err(StoreError::WrongCredentials)
    ));
    Ok(())
}

#[test]
fn file_names_nobody() -> Result<()> {
    let mut file = KeySlotFile::new();
    file.add_slot(
        "canaryuser",
        &pass("correct horse battery"),
        &DataKey::generate(),
    )?;
    let json = serde_json::to_string(&file).map_err(|_| StoreError::Crypto("json"))?;
    assert!(!json.contains("canaryuser"));
    Ok(())
}

#[test]
fn reseal_hands_new_key_to_every_known_slot() -> Result<()> {
    let old = DataKey::generate();
    let new = DataKey::generate();
    let mut file = KeySlotFile::new();
    let ana = file.add_slot("ana", &pass("correct horse battery"), &old)?;
    let luis = file.add_slot("luis", &pass("another long passphrase"), &old)?;
    let known = HashSet::from([ana, luis]);
    assert!(file.reseal_known(&[&new], &known, &old)?.is_empty());
    for (user, p) in [
        ("ana", "correct horse battery"),
        ("luis", "another long passphrase"),
    ] {
        let opened = file.open(user, &pass(p))?;
        assert_eq!(opened.data_keys.len(), 1);
        assert_eq!(opened.data_keys[0].bytes(), new.bytes());
    }
    Ok(())
}

#[test]
fn new_slots_ignore_weakened_file_parameters() -> Result<()> {
    let key = DataKey::generate();
    let mut file = KeySlotFile::new();
    file.kdf.m_kib = 8;
    file.kdf.t = 1;
    file.kdf.p = 1;
    let id = file.add_slot("ana", &pass("correct horse battery"), &key)?;
    let slot = file.slots.iter().find(|s| s.id == id).expect("the slot");
    assert_eq!((slot.kdf.m_kib, slot.kdf.t, slot.kdf.p), (64 * 1024, 3, 4));
    assert_eq!(slot.kdf.salt, file.kdf.salt, "the vault's shared salt is kept");
    Ok(())
}
