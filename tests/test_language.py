"""Language of passages and of whole documents."""
import pytest

from indexer.lang.identify import UND, detect, profile

SAMPLES = {
    "en": "The national strategy sets out how the government will support research in artificial intelligence.",
    "fr": "La stratégie nationale précise comment le gouvernement soutiendra la recherche en intelligence artificielle.",
    "es": "La estrategia nacional establece cómo el gobierno apoyará la investigación en inteligencia artificial.",
    "ru": "Национальная стратегия определяет, как правительство будет поддерживать исследования в области искусственного интеллекта.",
    "ar": "تحدد الاستراتيجية الوطنية كيف ستدعم الحكومة البحث في مجال الذكاء الاصطناعي.",
    "zh": "国家战略规定了政府将如何支持人工智能领域的研究。",
    "ja": "国家戦略は、政府が人工知能の研究をどのように支援するかを定めている。",
    "ko": "국가 전략은 정부가 인공지능 연구를 어떻게 지원할지를 정한다.",
    "de": "Die nationale Strategie legt fest, wie die Regierung die Forschung zur künstlichen Intelligenz fördert.",
    "pt": "A estratégia nacional define como o governo apoiará a investigação em inteligência artificial.",
    "he": "האסטרטגיה הלאומית קובעת כיצד הממשלה תתמוך במחקר בתחום הבינה המלאכותית.",
    "fa": "راهبرد ملی تعیین می‌کند که دولت چگونه از پژوهش در حوزه هوش مصنوعی پشتیبانی خواهد کرد.",
    "el": "Η εθνική στρατηγική ορίζει πώς η κυβέρνηση θα στηρίξει την έρευνα στην τεχνητή νοημοσύνη.",
    "hi": "राष्ट्रीय रणनीति बताती है कि सरकार कृत्रिम बुद्धिमत्ता में अनुसंधान का समर्थन कैसे करेगी।",
    "uk": "Національна стратегія визначає, як уряд підтримуватиме дослідження у сфері штучного інтелекту.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_passage_language(code):
    assert detect(SAMPLES[code]).code == code


@pytest.mark.parametrize("text", ["Article 5", "2024-03-01", "§ 12", "", "   ", "OK"])
def test_short_or_letterless_text_is_undetermined(text):
    assert detect(text).code == UND


def test_bilingual_document_gets_both_languages_and_headings_follow_their_neighbours():
    pages = ["\n\n".join([SAMPLES["en"], "Section 2", SAMPLES["fr"], "Article 3", SAMPLES["en"], SAMPLES["fr"]])]
    prof = profile(pages)
    assert set(prof.shares) == {"en", "fr"}
    assert all(share >= 0.15 for share in prof.shares.values())
    assert [code for _, code, _ in prof.passages] == ["en", "en", "fr", "fr", "en", "fr"]


def test_manifest_language_overrides_and_fills_undecided_passages():
    prof = profile(["Article 1\n\nArticle 2"], override="fr")
    assert prof.main == "fr"
    assert [code for _, code, _ in prof.passages] == ["fr", "fr"]


def test_declared_language_fills_in_but_never_overrides_detection():
    assert profile(["Article 1"], declared="de-CH").main == "de"
    assert profile(["Article 1"], declared="not a tag").main == UND
    assert profile([SAMPLES["fr"]], declared="en").main == "fr"


@pytest.mark.parametrize("text, code", [
    # letters of one Cyrillic alphabet only
    ("Влада Републике Србије доноси одлуку о развоју вештачке интелигенције и науке.", "sr"),
    ("Владата ќе донесе нова стратегија за дигитализација на образованието.", "mk"),
    ("Міністерство цифрової трансформації готує її остаточну редакцію.", "uk"),
    # words that one language of a family uses and its neighbours do not
    ("Ministarstvo znanosti i obrazovanja objavljuje natječaj za sveučilišta i tisuću istraživača.", "hr"),
    ("Ministarstvo nauke objavljuje konkurs za univerzitete, a primena počinje iduće nedelje.", "sr"),
    ("Kerajaan akan menerbitkan maklumat lanjut mengenai dasar kecerdasan buatan bahawa ia perlu.", "ms"),
    ("Pemerintah akan menerbitkan informasi lebih lanjut tentang kebijakan kecerdasan artifisial.", "id"),
    # Han only: told by the characters each script reform made its own
    ("人工知能戦略会議", "ja"),
    ("人工智能发展规划", "zh"),
])
def test_confusable_languages(text, code):
    assert detect(text).code == code


def test_a_short_title_takes_the_prior_of_its_family():
    title = "Handlingsplan for digital dannelse i folkeskolen"   # Danish; langdetect leans Norwegian
    assert detect(title, prior=("da",)).code == "da"
    # A prior never overrides a clear answer from another family.
    assert detect("Estrategia Nacional de Inteligencia Artificial", prior=("da",)).code == "es"


def test_short_passages_take_the_language_of_the_long_ones():
    danish = ("Regeringen vil styrke forskningen i kunstig intelligens og sikre, at offentlige myndigheder "
              "bruger teknologien ansvarligt. Der afsættes midler til nye forskningscentre, og kommunerne "
              "får vejledning i at vurdere risici, før de tager nye systemer i brug.")
    result = profile(["Handlingsplan for digital dannelse i folkeskolen\n\n" + danish], country="DK")
    assert [code for _, code, _ in result.passages] == ["da", "da"]
