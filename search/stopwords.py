"""Stop words, written without diacritics: they are compared with folded tokens.

Short lists on purpose: a word dropped here can never be searched for, so only function
words that carry no meaning in a resource title or summary belong here.
"""


def _words(text):
    return frozenset(text.split())


CZECH = _words(
    """
    a aby aj ale ani aniz ano asi az bez bude budem budes budete budou byl byla byli
    bylo byt by bych bychom byste ci cim co coz da dal do ho i jak jake jaky je jeho jej
    jeji jejich jen jenz jeste ji jine jiz jsem jses jsi jsme jsou jste k kam kde kdo
    kdy kdyz ke ktera ktere kteri kterou ktery ku ma mate me mezi mi mit mne mnou muj
    muze my na nad nam nami nas nasi ne nebo nebot nech neni nez nic nich nim nove o od
    ode on ona oni ono ony po pod podle pokud pouze prave pred pres pri pro proc proto
    protoze prvni re s se si sice sve svych svym svymi ta tak take takze tam tato te
    tedy tem ten tento teto tim timto to tohle toho tohoto tom tomto tomuto tu tuto ty
    tyto u uz v vam vas vase ve vedle vice vsak vsechen vy z za zda zde ze
    """
)

ENGLISH = _words(
    """
    a about after all also an and any are as at be because been but by can could did do
    does for from had has have he her his how i if in into is it its me more most my no
    not of on or our out she so than that the their them then there these they this to
    too up us was we were what when where which who why will with would you your
    """
)
