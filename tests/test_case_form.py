"""entity.case_form on sentences we wrote, with the real dictionaries: a Russian or Ukrainian
surname in a case form after a man's first name gets the man's form; a woman's name, two people
and a name of its own stay."""

import pytest

import mtfix


def case_forms(text: str) -> list[tuple[str, str]]:
    """(original, replacement) of the case-form changes at the default threshold."""
    return [
        (c.original, c.replacement)
        for c in mtfix.clean(text).changes
        if c.source == "entity.case_form"
    ]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The court extended the custody of Maxim Solopova until May.", [("Solopova", "Solopov")]),
        (
            "The lawyer of Alexei Gaskarova, Yuri Eronina, said he would appeal.",
            [("Gaskarova", "Gaskarov"), ("Eronina", "Eronin")],
        ),
        (
            "Volodymyr Zelensky spoke with Dmytro Kulyeba's deputy, Oleh Sukhova.",
            [("Sukhova", "Sukhov")],
        ),
    ],
)
def test_a_case_form_after_a_mans_first_name_gets_the_mans_form(
    text: str, wanted: list[tuple[str, str]]
) -> None:
    assert case_forms(text) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "Yulia Petrova and Maria Sukhova spoke to reporters in Kyiv.",  # women's names
        "We met Oleg, Petrova said on Monday.",  # two people
        "Sergei Medina, a striker from Spain, scored twice.",  # a name real text uses more
        "The singer Peter Ivanova performed in Berlin.",  # a first name other languages share
    ],
)
def test_a_womans_name_two_people_or_a_name_of_its_own_stay(text: str) -> None:
    assert case_forms(text) == []
