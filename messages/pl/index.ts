import ApiErrors from './ApiErrors.json';
import Common from './Common.json';
import Home from './Home.json';
import Player from './Player.json';
import Privacy from './Privacy.json';
import Support from './Support.json';

const messages = { ApiErrors, Common, Home, Player, Privacy, Support };
export default messages;
