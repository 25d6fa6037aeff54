"""Stop words per language: the function words a query may contain that say nothing of its topic.

They are indexed like every word (so "droit d'auteur" is a phrase that works), and at query time
they stop being required: ``la protection des données`` needs ``protection`` and ``données``, and
ranks higher the documents that have ``la`` and ``des`` too. Snowball's lists come with Whoosh for
fourteen languages; the short lists below are ours, the commonest function words of each language.
"""
from functools import lru_cache

from whoosh.lang.stopwords import stoplists

from indexer.lang.analysis import analyzer_for, fold_accents

OWN = {
    "ar": "في من على إلى عن مع أن إن هذا هذه ذلك التي الذي الذين كان كانت هو هي ما لا لم قد كل أو و ثم بين عند",
    "ca": "el la els les de del dels i o a en per amb que un una uns unes al és són com més no",
    "cs": "a i k o s v z na do se je to že ve ze pro jako by byl být nebo ale podle při ani jeho její",
    "el": "ο η το οι τα του της των τον την στο στη στον στην και να με για από σε ως που θα δεν είναι ή",
    "fa": "و در به از که این آن را با برای است یا تا بر هم نیز می شود های ها",
    "he": "של את על עם כי גם או לא הוא היא זה זו אשר כל בין אל יש",
    "hi": "का के की को में से पर और या है हैं था थे यह वह इस उस एक भी तथा द्वारा लिए",
    "id": "dan di ke dari yang untuk dengan pada dalam ini itu atau oleh sebagai adalah akan juga",
    "ms": "dan di ke dari yang untuk dengan pada dalam ini itu atau oleh sebagai ialah adalah akan juga",
    "pl": "i w z na do o a że się nie to jest od po dla przez oraz lub jak ze są być",
    "ro": "și în la de cu pe din a al ale ai o un unei unui că care este sunt pentru sau prin",
    "uk": "і й та в у на з із до від за про що як це не є або для по при",
    "bg": "и в на с за от до по че се не е са да как като или при към",
    "sr": "и у на са за од до по да се не је су као или при ка",
    "hr": "i u na s sa za od do po da se ne je su kao ili pri ka",
    "sk": "a i k o s v z na do sa je to že vo zo pre ako by bol byť alebo ale podľa pri ani jeho jej",
    "sl": "in v na s z za od do po da se ne je so kot ali pri k",
    "et": "ja ei on ka et see mis kui või ning oma kes seda nii aga veel siis ta nad",
    "lt": "ir ar bei kad kaip tai jo jos yra buvo į iš su per prie nuo už apie tik dar",
    "lv": "un vai ir kā ka arī par uz no ar pie līdz bet tas tā šis šī",
    "eu": "eta edo ez da dira bat du ere baina hau hori hura izan dute",
    "ga": "agus an na is ar le do ag i ó go a ní sé sí siad seo sin",
    "ne": "र को का की मा ले छ हो यो त्यो पनि तथा वा",
    "ta": "மற்றும் ஒரு இந்த அந்த என்று உள்ள அல்லது போன்ற",
    "hy": "և է են որ այս այդ մի ու իր",
    "eo": "la kaj de en al por kun estas ke ne ĉe el",
    "ur": "کا کی کے میں سے کو اور یا ہے ہیں تھا تھے یہ وہ اس ان پر بھی",
    "vi": "và của là có các được cho với trong những một này để không theo",
}

SAME_AS = {"nb": "no", "nn": "no", "bs": "hr"}


@lru_cache(maxsize=None)
def stopwords(code):
    """The stop words of language ``code``, case-folded, with and without accents (as a visitor may type
    them), as a frozenset; empty for languages without a list."""
    code = SAME_AS.get(code, code)
    words = {w.casefold() for w in stoplists.get(code, ())} | set(OWN.get(code, "").split())
    return frozenset(words | {fold_accents(w) for w in words})


@lru_cache(maxsize=None)
def analysed_stopwords(code):
    """The stop words of ``code`` as that language's field holds them (stemmed, folded): what a query
    word is compared with once analysed."""
    analyse = analyzer_for(code)
    return frozenset(t.text for word in stopwords(code) for t in analyse(word))
