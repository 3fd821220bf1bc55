import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
const nlp = winkNLP(model); const its = nlp.its;
const texts = process.argv.slice(2);
for (const t of texts) {
  const d = nlp.readDoc(t);
  console.log(d.tokens().out().map((v,i)=>`${v}/${d.tokens().out(its.pos)[i]}/${d.tokens().out(its.lemma)[i]}/${d.tokens().out(its.type)[i]}`).join(' '));
  console.log('  ents', JSON.stringify(d.entities().out(its.detail)), 'sents', d.sentences().length);
}
