from django.utils import translation


def test_ontbrekende_django_teksten_zijn_nederlands():
    with translation.override("nl"):
        assert translation.gettext("Error:") == "Fout:"
