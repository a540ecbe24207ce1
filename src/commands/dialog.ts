/** The small result dialog of « Vérifier la fiche »: the message comes in the URL and is shown as text. */
const params = new URLSearchParams(window.location.search);
const target = document.getElementById("container");
if (target) {
  const p = document.createElement("p");
  p.style.font = "14px 'Segoe UI', sans-serif";
  p.textContent = params.get("m") ?? "";
  const hint = document.createElement("p");
  hint.style.font = "12px 'Segoe UI', sans-serif";
  hint.textContent = "Détails : Accueil › Fiches LDM.";
  target.append(p, hint);
}
