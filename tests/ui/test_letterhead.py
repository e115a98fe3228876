"""The council's letterhead, edited from the window and read back by the core."""

from __future__ import annotations

import io

from ess_desk import council
from ui.dialogs.letterhead import LetterheadDialog


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 60), (31, 92, 74)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_letterhead_is_saved_with_its_logo(qtbot, store, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes())
    dialog = LetterheadDialog(store)
    qtbot.addWidget(dialog)
    dialog.name.setText("Conseil de l'ESS de Strasbourg")
    dialog.address.setPlainText("1 parc de l'Étoile\n67000 Strasbourg")
    dialog.email.setText("conseil.ess@exemple.fr")
    dialog.signatory.setText("Hélène Muller")
    dialog.signatory_title.setText("Présidente")
    dialog.load_logo(logo)
    assert dialog.logo_preview.pixmap() is not None and not dialog.logo_preview.pixmap().isNull()
    dialog.accept()
    saved = council.get_letterhead(store.db)
    assert saved.council_name == "Conseil de l'ESS de Strasbourg"
    assert saved.council_address == "1 parc de l'Étoile\n67000 Strasbourg"
    assert (saved.signatory, saved.signatory_title) == ("Hélène Muller", "Présidente")
    assert saved.logo == logo.read_bytes()


def test_wrong_email_and_non_image_logo_write_nothing(qtbot, store, tmp_path):
    dialog = LetterheadDialog(store)
    qtbot.addWidget(dialog)
    dialog.name.setText("Conseil")
    dialog.email.setText("pas-un-courriel")
    dialog.accept()
    assert "n'est pas valide" in dialog.errors.message("council_email")
    assert council.get_letterhead(store.db).council_name == ""
    fake = tmp_path / "logo.png"
    fake.write_text("ceci n'est pas une image", encoding="utf-8")
    dialog.email.setText("conseil@exemple.fr")
    dialog.load_logo(fake)
    dialog.accept()
    assert "PNG ou JPEG" in dialog.errors.message("logo")
    assert council.get_letterhead(store.db).council_name == ""


def test_siret_and_publication_address_are_checked_and_saved(qtbot, store):
    dialog = LetterheadDialog(store)
    qtbot.addWidget(dialog)
    dialog.siret.setText("123")
    dialog.base_url.setText("www.exemple.fr")
    dialog.accept()
    assert "14 chiffres" in dialog.errors.message("council_siret")
    assert council.get_letterhead(store.db).council_siret == ""
    dialog.siret.setText("732 829 320 00074")
    dialog.accept()
    assert "adresse web" in dialog.errors.message("publication_base_url")
    dialog.base_url.setText("https://www.exemple.fr/conseil-ess")
    dialog.accept()
    saved = council.get_letterhead(store.db)
    assert saved.council_siret == "73282932000074"
    assert saved.publication_base_url == "https://www.exemple.fr/conseil-ess/"
