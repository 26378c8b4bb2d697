from exportguard.normalize.chinese import han_variants, looks_like_person, segment


def test_psb_name_translates_with_established_place_name() -> None:
    variants = han_variants("乌鲁木齐市公安局")
    assert variants[0] == "Urumqi Municipal Public Security Bureau"
    assert any("wulumuqi" in v for v in variants)  # plain pinyin kept too


def test_xpcc_translates() -> None:
    assert han_variants("新疆生产建设兵团")[0] == "Xinjiang Production and Construction Corps"
    assert "xinjiang shengchan jianshe bingtuan" in han_variants("新疆生产建设兵团")


def test_traditional_characters_are_simplified_first() -> None:
    assert han_variants("烏魯木齊市公安局")[0] == "Urumqi Municipal Public Security Bureau"


def test_person_names_split_surname() -> None:
    assert han_variants("孙金龙") == ("sun jinlong",)
    assert han_variants("欧阳修", person=True) == ("ouyang xiu",)
    assert looks_like_person("孙金龙")
    assert not looks_like_person("石河子大学")


def test_segment_prefers_longest_term() -> None:
    kinds = [(s.text, s.kind) for s in segment("新疆维吾尔自治区人民政府")]
    assert kinds == [("新疆", "place"), ("维吾尔自治区", "admin"), ("人民政府", "org")]


def test_mixed_latin_and_han() -> None:
    assert han_variants("Hikvision 有限公司")[0].split()[:1] == ["Hikvision"]


def test_words_written_in_pinyin_syllables() -> None:
    from exportguard.normalize.chinese import is_pinyin

    assert is_pinyin("jianxing") and is_pinyin("yanxiong") and is_pinyin("zhiyong")
    assert not is_pinyin("smith") and not is_pinyin("hikvision")
