from django.core.management.base import BaseCommand, CommandError

from jens.toegangslog import controleer_en_signaleer


class Command(BaseCommand):
    help = (
        "Verzegelt nieuwe regels van het toegangslog en controleert de hele hash-keten; bij een breuk een "
        "signalering voor de functioneel beheerder en exitcode 1."
    )

    def handle(self, *args, **options):
        uitkomst = controleer_en_signaleer()
        if not uitkomst.in_orde:
            raise CommandError(f"Toegangslog: keten gebroken: {uitkomst.melding}")
        self.stdout.write(self.style.SUCCESS(f"Toegangslog in orde: {uitkomst.melding}."))
