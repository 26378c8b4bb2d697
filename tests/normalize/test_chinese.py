from exportguard.normalize.chinese import (
    chinese_number,
    han_variants,
    looks_like_person,
    ordinals,
    segment,
    trade_names_in_pinyin,
)


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


def test_chinese_numerals() -> None:
    assert chinese_number("三十八") == 38
    assert chinese_number("十四") == 14  # a leading ten has no digit before it
    assert chinese_number("一百零二") == 102
    assert chinese_number("七二三") == 723  # institute numbers are read digit by digit
    assert chinese_number("七〇九") == 709
    assert chinese_number("38") == 38
    assert chinese_number("研究") is None
    assert ordinals(38) == ("38th",) and ordinals(723) == ("723rd",) and ordinals(12) == ("12th",)
    assert ordinals(1) == ("1st", "first") and ordinals(22) == ("22nd",)


def test_numbered_institutes_translate_to_the_lists_ordinals() -> None:
    # Entity List: China Electronics Technology Group Corporation 38th Research Institute (CETC 38)
    variants = han_variants("中国电子科技集团公司第三十八研究所")
    assert variants[0] == "China Electronics Technology Group Company 38th Research Institute"
    assert all("38th" in v for v in variants)  # the pinyin form keeps the number too
    assert han_variants("中国电子科技集团公司第38研究所")[0] == variants[0]
    assert han_variants("新疆生产建设兵团第一师")[1] == "Xinjiang Production and Construction Corps first Division"
    assert [s.kind for s in segment("第七二三研究所")] == ["number", "org"]


def test_company_names_longer_than_eight_characters() -> None:
    # SMIC's registered name, 中芯国际集成电路制造有限公司, is Semiconductor Manufacturing International
    # Corporation: the integrated-circuit words of the Chinese are not in the English.
    assert han_variants("中芯国际集成电路制造有限公司")[0] == "Semiconductor Manufacturing International Co., Ltd."


def test_trade_names_in_pinyin() -> None:
    assert trade_names_in_pinyin(("hangzhou", "haikang", "weishi", "shuzi"), company=False) == (
        "hangzhou", "hikvision", "shuzi",
    )  # fmt: skip
    assert trade_names_in_pinyin(("hai", "kang", "wei", "shi"), company=False) == ("hikvision",)
    # two syllables are often a word or a given name: only in a name that says it is a company
    assert trade_names_in_pinyin(("beijing", "kuangshi", "keji"), company=True) == ("beijing", "megvii", "keji")
    assert trade_names_in_pinyin(("wang", "shuguang"), company=False) is None
    assert trade_names_in_pinyin(("dahua", "keji"), company=True) is None  # Dahua is its own pinyin
