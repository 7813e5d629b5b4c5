import Admin from './Admin.json';
import ApiErrors from './ApiErrors.json';
import Common from './Common.json';
import Home from './Home.json';
import Player from './Player.json';
import Privacy from './Privacy.json';
import Report from './Report.json';
import Results from './Results.json';
import Session from './Session.json';
import Staff from './Staff.json';
import Studio from './Studio.json';
import Support from './Support.json';
import Teach from './Teach.json';

const messages = { Admin, ApiErrors, Common, Home, Player, Privacy, Report, Results, Session, Staff, Studio, Support, Teach };
export default messages;
