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
    assert_eq!(
        slot.kdf.salt, file.kdf.salt,
        "the vault's shared salt is kept"
    );
    Ok(())
}

/// What a version-1 writer produced: the slot wrapped with the old associated data, no
/// bindings, file version 1.
fn as_version_1(file: &mut KeySlotFile, user: &str, passphrase: &SecretString) -> Result<()> {
    file.version = 1;
    let vault_id = file.vault_id.clone();
    for slot in &mut file.slots {
        slot.bindings.clear();
        let derived = Derived::compute(&slot.kdf, user, passphrase)?;
        if derived.lookup.as_slice() != slot.lookup.as_slice() {
            continue;
        }
        let nonce = random_bytes::<24>();
        let cipher = XChaCha20Poly1305::new(derived.wrap_key.as_ref().into());
        let aad = binding::aad(AAD_VERSION, &slot_bound(&vault_id, slot));
        let secret = Zeroizing::new(
            cipher
                .decrypt(
                    XNonce::from_slice(&slot.nonce),
                    Payload {
                        msg: &slot.wrapped_secret,
                        aad: &aad,
                    },
                )
                .map_err(|_| StoreError::Crypto("test"))?,
        );
        let secret: [u8; 32] = secret
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::Crypto("test"))?;
        let v1 = binding::aad(1, &slot_bound(&vault_id, slot));
        slot.wrapped_secret = wrap(&derived.wrap_key, &nonce, &secret, &v1)?;
        slot.nonce = nonce.to_vec();
        slot.aad = 1;
    }
    Ok(())
}

#[test]
fn version_1_files_are_read_and_upgraded_at_unlock() -> Result<()> {
    let root = tempfile::tempdir().map_err(|_| StoreError::Crypto("tempdir"))?;
    let paths = crate::paths::VaultPaths::new(root.path().join("vault"));
    let admin = crate::vault::create(&paths, "maría.lópez", &pass("correct horse battery"))?;
    drop(admin);
    let mut file = KeySlotFile::load(&paths.key_slots())?;
    as_version_1(&mut file, "maría.lópez", &pass("correct horse battery"))?;
    // Written as a version-1 writer would: no `aad`, no `bindings` fields at all.
    let mut json: serde_json::Value =
        serde_json::to_value(&file).map_err(|_| StoreError::Crypto("json"))?;
    json["version"] = 1.into();
    for slot in json["slots"].as_array_mut().into_iter().flatten() {
        if let Some(fields) = slot.as_object_mut() {
            fields.remove("aad");
            fields.remove("bindings");
        }
    }
    let bytes = serde_json::to_vec(&json).map_err(|_| StoreError::Crypto("json"))?;
    fs::write(paths.key_slots(), bytes).map_err(|_| StoreError::Crypto("write"))?;

    let old = KeySlotFile::load(&paths.key_slots())?;
    assert_eq!((old.version, old.slots[0].aad), (1, 1));
    assert!(old.slots[0].bindings.is_empty());

    let session = crate::vault::unlock(&paths, "maría.lópez", &pass("correct horse battery"))?;
    let upgraded = KeySlotFile::load(&paths.key_slots())?;
    assert_eq!((upgraded.version, upgraded.slots[0].aad), (2, 2));
    assert!(
        !upgraded.slots[0].bindings.is_empty(),
        "bound on first sight"
    );
    drop(session);
    // And it opens again, now through the version-2 associated data.
    crate::vault::unlock(&paths, "maría.lópez", &pass("correct horse battery"))?;
    Ok(())
}

#[test]
fn an_edited_public_key_fails_the_associated_data() -> Result<()> {
    let key = DataKey::generate();
    let mut file = KeySlotFile::new();
    file.add_slot("ana", &pass("correct horse battery"), &key)?;
    let other = SecretKey::generate(&mut rand_core::OsRng).public_key();
    file.slots[0].public_key = other.as_bytes().to_vec();
    let err = file
        .open("ana", &pass("correct horse battery"))
        .expect_err("edited");
    assert!(err.to_string().contains("integrity check"), "{err}");
    Ok(())
}
